using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>A re-take joins the series and keeps what the clinician and the runner set (issue 25, continuity).</summary>
public class RetakeContinuityTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private const string Passcode = "blue-heron";

    [Fact]
    public async Task A_retake_keeps_the_clinicians_plan_in_force_until_the_clinician_changes_it()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.Dosage[hip-and-glute-strength]", "2 x 10"), ("Plan.Note", "Three times a week."));
        await RunnerResults.PostFormAsync(runner, manage, "PlanSeen"); // the runner has seen the plan ("Got it")

        app.Clock.Advance(TimeSpan.FromDays(10));
        var newer = await RetakeAsync(runner, manage, worstPain: null);

        var plan = (await runner.GetPageAsync(newer)).QuerySelector(".plan")!;
        Assert.Contains("Three times a week.", plan.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 x 10", plan.QuerySelector(".dosage")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("still in force until they change it", plan.QuerySelector(".plan-carried")!.TextContent, StringComparison.Ordinal);
        Assert.Null(plan.QuerySelector(".banner")); // nothing changed since the runner saw it

        // The clinician's link opens the re-take now; a change there is the plan in force.
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.Dosage[hip-and-glute-strength]", "3 x 12"));
        var changed = (await runner.GetPageAsync(newer)).QuerySelector(".plan")!;
        Assert.Null(changed.QuerySelector(".plan-carried"));
        Assert.Contains("3 x 12", changed.QuerySelector(".dosage")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retake_keeps_the_share_link_its_passcode_and_its_end_date()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Expiry", "30"), ("Sharing.Passcode", Passcode));
        var ends = await app.QueryAsync(db => db.Assessments.Where(a => a.ManageToken == RunnerResults.TokenOf(manage)).Select(a => a.ShareExpiresAt).SingleAsync());

        app.Clock.Advance(TimeSpan.FromDays(7));
        var newer = await RetakeAsync(runner, manage, worstPain: null);

        var retake = await app.QueryAsync(db => db.Assessments.SingleAsync(a => a.ManageToken == RunnerResults.TokenOf(newer)));
        Assert.Equal(RunnerResults.TokenOf(share), retake.Token); // the same link: the clinician keeps the runner
        Assert.Equal(ends, retake.ShareExpiresAt); // the same end, not 90 days from the re-take
        var sharing = (await runner.GetPageAsync(newer)).QuerySelector(".sharing")!;
        Assert.EndsWith(share, sharing.QuerySelector("#share-url")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains("after entering your passcode", sharing.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Until {ends!.Value:d MMMM yyyy}", sharing.QuerySelector("select[name='Sharing.Expiry'] option")!.TextContent, StringComparison.Ordinal);
        var old = await runner.GetPageAsync(manage);
        Assert.Contains("moved to your newer result", old.QuerySelector(".sharing")!.TextContent, StringComparison.Ordinal);
        Assert.Null(old.QuerySelector("#share-url, form[action*='handler=Sharing']"));
        // Printing for a clinician goes through the shared page: here the newer result's, never a link this check kept of its own.
        Assert.EndsWith(share, (await runner.GetPageAsync(newer)).QuerySelector(".print-route a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(newer + "#next-title", old.QuerySelector(".print-route a")!.GetAttribute("href"));
        // A device that remembered the old page follows to the newer one (wwwroot/js/remember.js).
        Assert.Equal(RunnerResults.TokenOf(newer), old.QuerySelector(".newer-result")!.GetAttribute("data-remember-moved-to"));

        using var visitor = app.CreateBrowser();
        Assert.NotNull((await visitor.GetPageAsync(share)).QuerySelector("form[action*='handler=Passcode']"));
        using var wrong = await RunnerResults.PostFormAsync(visitor, share, "Passcode", ("passcode", "not-the-one"));
        Assert.Equal(System.Net.HttpStatusCode.OK, wrong.StatusCode);
        using var opened = await RunnerResults.PostFormAsync(visitor, share, "Passcode", ("passcode", Passcode));
        Assert.Equal(share, Browser.AssertRedirect(opened));
        Assert.NotNull((await visitor.GetPageAsync(share)).QuerySelector(".history-table"));
    }

    [Fact]
    public async Task The_clinicians_link_shows_the_series_latest_check_first()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        app.Clock.Advance(TimeSpan.FromDays(7));
        var second = await RetakeAsync(runner, manage, worstPain: "3");
        app.Clock.Advance(TimeSpan.FromDays(7));
        await RetakeAsync(runner, second, worstPain: "1");

        using var clinician = app.SignedIn(StaffRoles.Clinician);
        var page = await clinician.GetPageAsync(share);
        var rows = page.QuerySelectorAll(".history-table tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(["1", "3", "4"], rows);
        var answers = await app.QueryAsync(db => db.Assessments.Where(a => a.Token == RunnerResults.TokenOf(share)).Select(a => a.AnswersJson).SingleAsync());
        Assert.Contains("\"worst_pain\":1", answers, StringComparison.Ordinal); // the link opens the newest check
    }

    /// <summary>Re-takes from a private page (changing the worst pain when given) and returns the new private page.</summary>
    private static async Task<string> RetakeAsync(HttpClient runner, string manage, string? worstPain)
    {
        using var retake = await RunnerResults.PostFormAsync(runner, manage, "Retake");
        var draft = Wizard.DraftOf(Browser.AssertRedirect(retake));
        if (worstPain is not null)
        {
            using var changed = await runner.SubmitAsync($"/assess/{draft}/pain", "next", ("q.worst_pain", worstPain));
        }
        using var finished = await runner.SubmitAsync($"/assess/{draft}/review", nav: null);
        return Browser.AssertRedirect(finished);
    }
}
