using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// Every runner page, walked as a runner walks it, passes <see cref="PageChecks"/> at 390 and
/// 320 px: axe finds no serious or critical violation, nothing scrolls sideways, and every control
/// a finger uses (the 0-10 pain points and the knee picture's areas included) is at least 44 x 44 px.
/// </summary>
[Collection(SharedBrowser.Name)]
public partial class RunnerPagesLayoutTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task The_check_the_result_the_player_a_session_and_a_retake_with_history_fit_a_phone()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        var checks = new PageChecks();

        await page.GotoAsync("/");
        await CheckAsync(checks, page, "home");
        await page.ClickAsync("main >> text=Start the check");
        await CheckAsync(checks, page, "check intro");
        await page.ClickAsync("main button:has-text('Start')");

        // Every questionnaire step, answered as a runner with kneecap pain would.
        var steps = 0;
        while (!page.Url.EndsWith("/review", StringComparison.Ordinal))
        {
            await CheckAsync(checks, page, $"step {++steps}: {await page.TitleAsync()}");
            await AnswerAsync(page);
            var before = page.Url;
            await page.ClickAsync("form.wizard .nav-buttons button[value='next']");
            Assert.True(page.Url != before, $"stuck on {before}: {await page.Locator("main").InnerTextAsync()}");
        }
        Assert.True(steps >= 8, $"only {steps} steps walked");
        await CheckAsync(checks, page, "review");
        await page.ClickAsync("text=See my result");
        await Assertions.Expect(page).ToHaveURLAsync(PrivateUrl());
        await CheckAsync(checks, page, "private page");
        var privateUrl = page.Url;

        // The runner's own player, running, then a logged session.
        await page.ClickAsync(".routines >> text=Start this routine");
        await CheckAsync(checks, page, "private player before start");
        await page.ClickAsync("#player-start");
        await page.ClickAsync("#player-next");
        await CheckAsync(checks, page, "private player running");
        await page.CheckAsync("input[name='Input.PainUsual'][value='2']");
        await page.CheckAsync("input[name='Input.PainDuring'][value='3']");
        await page.CheckAsync("input[name='Input.Feeling'][value='about_right']");
        await page.ClickAsync("text=Save session");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Session saved");
        await CheckAsync(checks, page, "session page");

        // A re-take gives a second result: the private page and the shared result now carry history.
        await page.GotoAsync(privateUrl);
        await page.ClickAsync("text=Re-take the check");
        for (var i = 0; i < 20 && !page.Url.EndsWith("/review", StringComparison.Ordinal); i++)
        {
            await page.ClickAsync("form.wizard .nav-buttons button[value='next']");
        }
        await page.ClickAsync("text=See my result");
        await Assertions.Expect(page).ToHaveURLAsync(PrivateUrl());
        await Assertions.Expect(page.Locator(".history svg.history-chart")).ToBeVisibleAsync();
        await CheckAsync(checks, page, "private page with history");
        var shareUrl = await page.InputValueAsync("#share-url");
        var latestPrivateUrl = page.Url;
        await page.GotoAsync(shareUrl);
        await Assertions.Expect(page.Locator(".history svg.history-chart")).ToBeVisibleAsync();
        await CheckAsync(checks, page, "shared result with history");

        // With a passcode, whoever opens the link is asked for it first, and told when it is wrong.
        await page.GotoAsync(latestPrivateUrl);
        await page.FillAsync("input[name='Sharing.Passcode']", "kneecap 2026");
        await page.ClickAsync("text=Save sharing settings");
        var (strangerContext, stranger, strangerErrors) = await app.NewPageAsync();
        await using var __ = strangerContext;
        await stranger.GotoAsync(shareUrl);
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("This result is protected");
        await CheckAsync(checks, stranger, "shared result asking for the passcode");
        await stranger.FillAsync("input[name='passcode']", "not the passcode");
        await stranger.ClickAsync("main button:has-text('Open')");
        await Assertions.Expect(stranger.Locator(".error-summary")).ToBeVisibleAsync();
        await CheckAsync(checks, stranger, "wrong passcode");
        errors.AddRange(strangerErrors);

        checks.AssertNone();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [ChromiumFact]
    public async Task The_library_a_routine_an_exercise_and_the_public_player_fit_a_phone()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        var checks = new PageChecks();

        await page.GotoAsync("/routines");
        await CheckAsync(checks, page, "routines");
        await page.ClickAsync("main .routine-card h2 a >> nth=0");
        await CheckAsync(checks, page, "routine");
        await page.ClickAsync("main a[href^='/exercises/'] >> nth=0");
        await CheckAsync(checks, page, "exercise");
        await page.GoBackAsync();
        await page.ClickAsync("main a[href$='/play'] >> nth=0");
        await CheckAsync(checks, page, "player before start");
        await page.ClickAsync("#player-start");
        await page.ClickAsync("#player-next");
        await CheckAsync(checks, page, "player running");
        await page.GotoAsync("/how-it-reasons");
        await CheckAsync(checks, page, "how KneeReset reasons");
        await page.GotoAsync("/no-such-page");
        await CheckAsync(checks, page, "page not found");
        errors.RemoveAll(e => e.Contains("404 (Not Found)", StringComparison.Ordinal) && e.Contains("/no-such-page", StringComparison.Ordinal)); // the 404 is the page under test

        checks.AssertNone();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static async Task CheckAsync(PageChecks checks, IPage page, string label)
    {
        await checks.CheckAsync(page, label, tapTargets: true);
    }

    /// <summary>Answers the required questions on the current step (kneecap pain, no red flags).</summary>
    private static async Task AnswerAsync(IPage page)
    {
        async Task Tick(string selector)
        {
            var box = page.Locator(selector);
            if (await box.CountAsync() > 0)
            {
                await box.CheckAsync();
            }
        }
        await Tick("#onset-gradual");
        await Tick("#red_flags-none");
        await Tick("#age_band-16_to_54");
        await Tick("#location-front_kneecap");
        await Tick("#worst_pain-4");
        await Tick("#aggravators-stairs_down");
        await Tick("#aggravators-prolonged_sitting");
    }

    [GeneratedRegex("/m/[A-Za-z0-9_-]+$")]
    private static partial Regex PrivateUrl();
}
