using System.Net;
using System.Net.Http.Json;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.FollowUp;

/// <summary>
/// One fresh start for a whole series (Progressions.FreshStartAsync): a clinician's plan on the
/// newest check ends an escalation on every page of the series and in the API alike, also on the
/// private page of an earlier check.
/// </summary>
public class FreshStartTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private static async Task<bool> PageEscalatesAsync(HttpClient runner, string manage) =>
        (await runner.GetPageAsync(manage)).QuerySelector(".escalation") is not null;

    private static async Task<bool> ApiEscalatesAsync(HttpClient runner, string manage)
    {
        using var response = await runner.GetAsync(new Uri($"/api/manage/{RunnerResults.TokenOf(manage)}/recovery", UriKind.Relative));
        return (await ApiClient.ReadJsonAsync(response))["escalation"] is not null;
    }

    [Fact]
    public async Task A_plan_on_the_newest_check_ends_the_escalation_on_the_earlier_checks_page_too()
    {
        using var runner = app.CreateBrowser();
        var (share, earlier) = await RunnerResults.CreateAsync(runner);
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var retake = await RunnerResults.PostFormAsync(runner, earlier, "Retake");
        using var finished = await runner.SubmitAsync($"/assess/{Wizard.DraftOf(Browser.AssertRedirect(retake))}/review", nav: null);
        var newest = Browser.AssertRedirect(finished);
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var hurt = await runner.PostAsJsonAsync($"/api/manage/{RunnerResults.TokenOf(newest)}/sessions", new { routine = "hip-and-glute-strength", painDuring = 8 });
        Assert.Equal(HttpStatusCode.Created, hurt.StatusCode);

        Assert.True(await PageEscalatesAsync(runner, earlier));
        Assert.True(await PageEscalatesAsync(runner, newest));
        Assert.True(await ApiEscalatesAsync(runner, earlier));

        app.Clock.Advance(TimeSpan.FromDays(1));
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.Dosage[hip-and-glute-strength]", "2 x 10"));

        Assert.False(await PageEscalatesAsync(runner, earlier));
        Assert.False(await PageEscalatesAsync(runner, newest));
        Assert.False(await ApiEscalatesAsync(runner, earlier));
        Assert.False(await ApiEscalatesAsync(runner, newest));
    }
}
