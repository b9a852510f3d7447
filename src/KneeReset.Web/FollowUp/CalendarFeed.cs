using System.Text;
using KneeReset.Core.ReturnToRun;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;

namespace KneeReset.Web.FollowUp;

/// <summary>
/// The runner's calendar from the store, each time it is asked for: the plan, the ladder's next runs
/// (none while it is closed) and the weekly check-in. One calendar for the subscribed feed and the
/// private page's download, so the two never disagree and share their events' UIDs.
/// </summary>
public sealed class CalendarFeed(AssessmentService assessments, ClinicianPlans plans, Ladders ladders, ContentCatalog content, PublicLinks links, TimeProvider clock)
{
    /// <summary>The calendar for this private link, or null when no result has it.</summary>
    public async Task<string?> WriteAsync(string manage, CancellationToken cancellationToken)
    {
        if (await assessments.FindByManageTokenAsync(manage, cancellationToken) is not { } record)
        {
            return null;
        }
        var stored = record.Stored;
        var plan = await plans.FindAsync(stored.Id, cancellationToken);
        var state = await ladders.ForSeriesAsync(stored, null, cancellationToken);
        var days = state.Open
            ? RunDays.Next(state.Ladder, ladders.Ladder.Gates.RestDay.MinDaysBetweenRuns, Progressions.Today(clock), content.Calendar.NextRuns.Count)
            : [];
        var stage = days.Count > 0 && state.Stage is { } open ? ladders.Ladder.Stages[open - 1] : null;
        var parts = new CalendarParts(stored.Id, DateOnly.FromDateTime(stored.CreatedAt.UtcDateTime), plan, stage, days, ladders.Ladder.Ladder.Conditions,
            stored.CalendarShowsLink ? links.To($"/m/{stored.ManageToken}") : null);
        return RunnerCalendar.Write(parts, content.Calendar, slug => links.To($"/routines/{slug}"), clock.GetUtcNow());
    }

    /// <summary>"webcal://knee.example/m/…/calendar.ics": calendar apps subscribe to it. Null without a configured public address (never the Host header).</summary>
    public string? SubscribeUrl(string manage)
    {
        if (!links.IsAbsolute)
        {
            return null;
        }
        var feed = new Uri(links.To(FeedPath(manage)));
        return $"webcal://{feed.Authority}{feed.PathAndQuery}";
    }

    public static string FeedPath(string manage) => $"/m/{manage}/calendar.ics";
}

public static class CalendarFeedRoutes
{
    /// <summary>GET /m/{manage}/calendar.ics: the feed itself. Under /m/, so no-store, no referrer, a masked token in logs and the token paths' rate limit.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/m/{manage}/calendar.ics", async (string manage, CalendarFeed feed, CancellationToken cancellationToken) =>
            await feed.WriteAsync(manage, cancellationToken) is { } ics
                ? Results.Text(ics, "text/calendar", Encoding.UTF8)
                : Results.NotFound());
        return app;
    }
}
