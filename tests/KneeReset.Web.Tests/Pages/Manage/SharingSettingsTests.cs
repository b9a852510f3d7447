using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>The sharing settings form keeps what the runner didn't change (issue 11, finding 1).</summary>
public class SharingSettingsTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Adding_a_passcode_keeps_a_90_day_link_at_90_days()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Expiry", "90"));
        var ninetyDays = await ExpiryAsync(share);

        var form = await HtmlForm.OpenAsync(runner, manage, "form[action*='handler=Sharing']");
        var shown = form.Page.QuerySelector("select[name='Sharing.Expiry'] option[selected]") ?? form.Page.QuerySelector("select[name='Sharing.Expiry'] option");
        Assert.Contains($"until {ninetyDays:d MMMM yyyy}", shown!.TextContent, StringComparison.Ordinal);
        using var saved = await form.Set("Sharing.Passcode", "blue-heron").SubmitAsync();
        Browser.AssertRedirect(saved);

        Assert.Equal(ninetyDays, await ExpiryAsync(share));
        Assert.Contains($"until {ninetyDays:d MMMM yyyy}", (await runner.GetPageAsync(manage)).QuerySelector(".sharing")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_new_expiry_still_changes_it()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);

        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Expiry", "never"));

        Assert.Null(await ExpiryAsync(share));
        var shown = (await runner.GetPageAsync(manage)).QuerySelector("select[name='Sharing.Expiry'] option")!;
        Assert.Contains("never ends", shown.TextContent, StringComparison.Ordinal);
    }

    private Task<DateTimeOffset?> ExpiryAsync(string share) =>
        app.QueryAsync(db => db.Assessments.Where(a => a.Token == RunnerResults.TokenOf(share)).Select(a => a.ShareExpiresAt).SingleAsync());
}
