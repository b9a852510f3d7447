using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>Every control of "Back to running" on the private page is a finger's size (44x44 px or more) on a 390 px phone.</summary>
[Collection(SharedBrowser.Name)]
public class BackToRunningTargetsTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task The_self_test_and_run_forms_controls_are_at_least_44_px_each_way()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        var manage = await RunCoachTests.CreateResultAsync(context);

        // Closed: the self-test form (a choice of test, a date, a pain score).
        await page.GotoAsync(manage);
        var closed = await SmallTargetsAsync(page);
        await RunCoachTests.OpenLadderAsync(context, manage);
        // Open: the run form (a stage, a date, pains, a checkbox).
        await page.GotoAsync(manage);
        await Assertions.Expect(page.Locator("#back-to-running form[action*='handler=Run'] input[type=date]")).ToBeVisibleAsync();
        var open = await SmallTargetsAsync(page);

        Assert.True(closed.Length == 0, $"self-test form, under 44 px: {string.Join("; ", closed)}");
        Assert.True(open.Length == 0, $"run form, under 44 px: {string.Join("; ", open)}");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>What a finger touches: fields, buttons, links styled as buttons, and the labels that hold a radio or checkbox.</summary>
    private static Task<string[]> SmallTargetsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('#back-to-running :is(input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, button, a.button, label.choice)')]
          .filter(e => e.offsetParent !== null)
          .map(e => [e, e.getBoundingClientRect()])
          .filter(([, r]) => r.width < 44 || r.height < 44)
          .map(([e, r]) => `${e.tagName.toLowerCase()}[${e.getAttribute('name') || e.getAttribute('type') || e.textContent.trim()}] ${Math.round(r.width)}x${Math.round(r.height)}`)
        """);
}
