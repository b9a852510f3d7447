using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KneeReset.Core.ReturnToRun;
using KneeReset.Web.Content;

namespace KneeReset.Web.FollowUp;

/// <summary>What goes into a runner's calendar: each part is there only when it applies.</summary>
/// <param name="AssessmentId">Names the events (UIDs): the same event keeps its UID from one fetch to the next, so a subscribed calendar updates it.</param>
/// <param name="ResultMade">The day of the check: the weekly check-in falls on its weekday.</param>
/// <param name="Plan">The clinician's plan, when there is one.</param>
/// <param name="Stage">The ladder's open stage, when runs are due.</param>
/// <param name="RunDays">The next days to run that stage (<see cref="RunDays.Next"/>); empty when the ladder is closed.</param>
/// <param name="PrivatePage">The runner's private link, only when they chose to have it in their events.</param>
public sealed record CalendarParts(int AssessmentId, DateOnly ResultMade, PlanView? Plan, RunStage? Stage, IReadOnlyList<DateOnly> RunDays, string Conditions, string? PrivatePage);

/// <summary>
/// The runner's calendar (the feed at /m/{manage}/calendar.ics and its download): the plan's routine
/// days (three sessions a week for four weeks per routine) and review, the ladder's next runs and a
/// weekly check-in. Written by Ical.Net, which escapes text, so nothing a clinician types can start
/// an event of its own. Without the runner's choice it holds no private link, only public addresses.
/// </summary>
public static class RunnerCalendar
{
    public static string Write(CalendarParts parts, CalendarContent content, Func<string, string> routineUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(content);
        var words = content.Words;
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        var calendar = new Calendar { ProductId = "-//KneeReset//Calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", "KneeReset");
        // Subscribed calendars fetch again about this often: a logged run moves the next ones.
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT6H");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H");
        var linkLine = parts.PrivatePage is { } link ? words.PrivatePage.Replace("{link}", link, StringComparison.Ordinal) : null;
        if (parts.Plan is { } plan)
        {
            AddPlan(calendar, plan, words, routineUrl, stamp);
        }
        if (parts.Stage is { } stage)
        {
            var n = 0;
            foreach (var day in parts.RunDays)
            {
                n++;
                // One UID per place in the list, not per day: a run logged or a step back moves the event instead of adding one.
                calendar.Events.Add(Event($"run-{parts.AssessmentId}-{n}@kneereset", stamp, day,
                    words.RunSummary.Replace("{stage}", stage.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    Join(words.RunDescription.Replace("{stage}", LadderMonitor.Describe(stage), StringComparison.Ordinal).Replace("{conditions}", parts.Conditions, StringComparison.Ordinal), linkLine),
                    parts.PrivatePage));
            }
        }
        var checkIn = Event($"checkin-{parts.AssessmentId}@kneereset", stamp, parts.ResultMade.AddDays(7), words.CheckInSummary, Join(words.CheckInDescription, linkLine), parts.PrivatePage);
        checkIn.RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly);
        calendar.Events.Add(checkIn);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>
    /// Each routine's sessions from the day after the plan was saved (not from today: a subscribed
    /// calendar would see them move every day), and the review date. A changed plan keeps the UIDs
    /// and raises the sequence, so calendars update the events.
    /// </summary>
    private static void AddPlan(Calendar calendar, PlanView plan, CalendarContent.CalendarWords words, Func<string, string> routineUrl, CalDateTime stamp)
    {
        var start = DateOnly.FromDateTime(plan.Plan.UpdatedAt.UtcDateTime).AddDays(1);
        var n = 0;
        foreach (var item in plan.Items)
        {
            n++;
            var sessions = Event($"plan-{plan.Plan.Id}-{n}@kneereset", stamp, start, OneLine(item.Title), Text($"{item.Dosage} {item.Note}".Trim()), routineUrl(item.Routine));
            sessions.Sequence = plan.Plan.Version;
            sessions.RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly)
            {
                ByDay = [new WeekDay(DayOfWeek.Monday), new WeekDay(DayOfWeek.Wednesday), new WeekDay(DayOfWeek.Friday)],
                Count = 12,
            };
            calendar.Events.Add(sessions);
        }
        if (plan.Plan.ReviewDate is { } review)
        {
            var reviewEvent = Event($"review-{plan.Plan.Id}@kneereset", stamp, review, words.ReviewSummary, null, null);
            reviewEvent.Sequence = plan.Plan.Version;
            calendar.Events.Add(reviewEvent);
        }
    }

    /// <summary>An all-day event.</summary>
    private static CalendarEvent Event(string uid, CalDateTime stamp, DateOnly day, string summary, string? description, string? url) => new()
    {
        Uid = uid,
        DtStamp = stamp,
        DtStart = new CalDateTime(day),
        Summary = summary,
        Description = description,
        Url = url is null ? null : new Uri(url, UriKind.RelativeOrAbsolute),
    };

    private static string Join(string text, string? line) => line is null ? text : $"{text}\n{line}";

    /// <summary>Line breaks of any kind (a bare carriage return too) as one kind, which the serializer escapes.</summary>
    private static string? Text(string text) =>
        text.Length == 0 ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
