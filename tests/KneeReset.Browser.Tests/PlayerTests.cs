using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

[Collection(SharedBrowser.Name)]
public partial class PlayerTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task A_runner_plays_a_routine_swaps_a_variation_and_logs_the_session()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync("/routines/post-run-knee-reset/play");
        await page.ClickAsync("#player-start");

        var name = page.Locator("#player-name");
        await Assertions.Expect(page.Locator("#player-set")).ToContainTextAsync("Get ready:");
        await Assertions.Expect(page.Locator("#player-announcer")).ToContainTextAsync("Get ready:");

        // Skip to the work phase of the first exercise: a hold with a countdown, per side.
        await page.ClickAsync("#player-next");
        await Assertions.Expect(page.Locator("#player-set")).ToHaveTextAsync(SetOf());
        await Assertions.Expect(page.Locator("#player-big")).ToHaveTextAsync(Seconds());

        // Pause and resume with the button and the keyboard.
        await page.ClickAsync("#player-pause");
        await Assertions.Expect(page.Locator("#player-pause")).ToHaveTextAsync("Resume");
        var frozen = await page.Locator("#player-big").TextContentAsync();
        await page.FocusAsync("#player-name");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#player-pause")).ToHaveTextAsync("Pause");
        await Assertions.Expect(page.Locator("#player-big")).Not.ToHaveTextAsync(frozen!);

        // The other side is counted and announced separately.
        await page.ClickAsync("#player-next");
        await Assertions.Expect(page.Locator("#player-set")).ToHaveTextAsync("Switch to your right leg");
        await page.ClickAsync("#player-next");
        await Assertions.Expect(page.Locator("#player-set")).ToHaveTextAsync(RightSetOf());

        // Move on until an exercise offers a harder variation, then swap it in.
        var swap = page.Locator("#player-swap button", new PageLocatorOptions { HasTextRegex = HarderSwap() });
        for (var i = 0; i < 40 && await swap.CountAsync() == 0; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
        var before = await name.TextContentAsync();
        var label = await swap.First.TextContentAsync();
        await swap.First.ClickAsync();
        var harder = label!.Split(": ", 2)[1];
        await Assertions.Expect(name).ToContainTextAsync(harder);
        Assert.NotEqual(before, await name.TextContentAsync());

        // To the end, where the runner logs the session.
        for (var i = 0; i < 80 && !(await name.TextContentAsync())!.Contains("complete", StringComparison.Ordinal); i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
        await Assertions.Expect(name).ToContainTextAsync("routine complete");
        await Assertions.Expect(page.Locator("#player-progress")).ToHaveAttributeAsync("value", "100");
        // Finished: no Pause or Skip, and no empty "How to do it".
        await Assertions.Expect(page.Locator("#player-pause")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#player-next")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#player-how")).ToBeHiddenAsync();

        await page.CheckAsync("input[name='Input.PainUsual'][value='1']");
        await page.CheckAsync("input[name='Input.PainDuring'][value='2']");
        await page.CheckAsync("input[name='Input.Feeling'][value='about_right']");
        await page.ClickAsync("text=Save session");
        await Assertions.Expect(page).ToHaveURLAsync(SessionUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Session saved");

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [ChromiumFact]
    public async Task An_opened_routine_keeps_working_offline()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync("/routines/ankle-dorsiflexion-mobility/play");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        // Once the worker controls the page, a reload stores what the page needs.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.ReloadAsync();

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("nkle");
        await page.ClickAsync("#player-start");
        await Assertions.Expect(page.Locator("#player-set")).ToContainTextAsync("Get ready:");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [GeneratedRegex(@"^Left leg, set 1 of \d+$")]
    private static partial Regex SetOf();

    [GeneratedRegex(@"^Right leg, set 1 of \d+$")]
    private static partial Regex RightSetOf();

    [GeneratedRegex(@"^\d+ s$")]
    private static partial Regex Seconds();

    [GeneratedRegex("^Swap for harder")]
    private static partial Regex HarderSwap();

    // The log form posts to #log (its errors show there); the browser keeps that fragment across the redirect.
    [GeneratedRegex("/sessions/[A-Za-z0-9_-]{24}(#log)?$")]
    private static partial Regex SessionUrl();
}
