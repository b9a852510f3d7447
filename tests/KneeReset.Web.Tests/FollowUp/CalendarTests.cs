using System.Globalization;
using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.FollowUp;

/// <summary>The plan in the runner's calendar, downloaded from their private page (issue 9, finding 9; the feed itself: CalendarFeedTests).</summary>
public class CalendarTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private const string Routine = "hip-and-glute-strength";

    [Fact]
    public async Task A_carriage_return_in_the_plan_cannot_add_an_event()
    {
        var (_, ics) = await CalendarAsync(dosage: "2 x 10\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Injected\rDTSTART:20300101", note: "Slow\r\nBEGIN:VALARM");

        var lines = ics.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        // The routine's sessions, the review and the weekly check-in: nothing more.
        Assert.Equal(3, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.DoesNotContain(lines, l => l.StartsWith("SUMMARY:Injected", StringComparison.Ordinal) || l.StartsWith("BEGIN:VALARM", StringComparison.Ordinal));
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(3, calendar.Events.Count);
        var sessions = calendar.Events.Single(e => e.Summary != "Weekly knee check-in" && e.RecurrenceRule is not null);
        Assert.Equal("2 x 10\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected\nDTSTART:20300101 Slow\nBEGIN:VALARM", sessions.Description);
    }

    [Fact]
    public async Task The_calendar_holds_no_private_link_only_the_public_routine_address()
    {
        var (manage, ics) = await CalendarAsync(dosage: "3 x 12", note: null);

        Assert.DoesNotContain(RunnerResults.TokenOf(manage), ics, StringComparison.Ordinal);
        Assert.DoesNotContain("/m/", ics, StringComparison.Ordinal);
        var sessions = Ical.Net.Calendar.Load(ics)!.Events.Single(e => e.Summary != "Weekly knee check-in" && e.RecurrenceRule is not null);
        Assert.Equal(new Uri($"http://localhost/routines/{Routine}"), sessions.Url);
        Assert.Equal("3 x 12", sessions.Description);
    }

    /// <summary>A result with a clinician's plan (one routine and a review date), and its calendar file.</summary>
    private async Task<(string Manage, string Ics)> CalendarAsync(string dosage, string? note)
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, "calendar.physio@studio.test");
        var review = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = new List<(string, string)> { ("Plan.Routines", Routine), ($"Plan.Dosage[{Routine}]", dosage), ("Plan.ReviewDate", review) };
        if (note is not null)
        {
            fields.Add(($"Plan.ItemNote[{Routine}]", note));
        }
        using (var saved = await RunnerResults.PostFormAsync(clinician, share, "Plan", [.. fields]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var calendar = await runner.GetAsync(new Uri(manage + "?handler=Calendar", UriKind.Relative));
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        return (manage, await calendar.Content.ReadAsStringAsync());
    }
}
