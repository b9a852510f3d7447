using System.Text.Json;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// The player as a coach on a phone: one screen at 390x844 holds what a runner needs mid-set,
/// tap targets are at least 44 px, spoken cues are opt-in and remembered, the screen is kept
/// awake, and a reload resumes where the runner was.
/// </summary>
[Collection(SharedBrowser.Name)]
public class PlayerCoachTests(BrowserApp app)
{
    // Records what the player says and whether it holds a wake lock, in place of the browser's own
    // speech and wake lock (headless Chromium has no voices): the test hears exactly what a runner would.
    private const string RecordDevice = """
        window.__spoken = [];
        window.__wakeLocks = 0;
        class RecordedUtterance { constructor(text) { this.text = text; } }
        Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: RecordedUtterance, configurable: true });
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
          speak(u) { window.__spoken.push(u.text); }, cancel() {}
        } });
        Object.defineProperty(Navigator.prototype, 'wakeLock', { configurable: true, get() { return {
          request() { window.__wakeLocks++; return Promise.resolve({ release() { return Promise.resolve(); }, addEventListener() {} }); }
        }; } });
        """;

    [ChromiumFact]
    public async Task The_coach_fits_one_phone_screen_speaks_the_chosen_cues_and_resumes_after_a_reload()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync(RecordDevice);

        await page.GotoAsync("/routines/core-stability/play");
        var speech = page.Locator("#player-speech");
        await page.ClickAsync("#player-start");
        await Assertions.Expect(page.Locator("#player-start")).ToBeHiddenAsync();
        // Paused, the clock stands still while the test looks; Skip and Back still move.
        await page.ClickAsync("#player-pause");
        Assert.False(await speech.IsCheckedAsync(), "spoken cues are off by default");
        Assert.Empty(await SpokenAsync(page));
        await Assertions.Expect(page.Locator("#player-set")).ToContainTextAsync("Get ready: 3 x 8 per side");
        await AssertFitsOneScreenAsync(page, "get ready");
        await speech.CheckAsync();

        // A rep-counted set: the counter and +1 rep are on the same screen.
        await page.ClickAsync("#player-next");
        await Assertions.Expect(page.Locator("#player-set")).ToHaveTextAsync("Left leg, set 1 of 3");
        await Assertions.Expect(page.Locator("#player-reps")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#player-next-up")).ToHaveTextAsync("Next: Switch to your right leg");
        await AssertFitsOneScreenAsync(page, "reps");
        await page.ClickAsync("#player-rep");
        await Assertions.Expect(page.Locator("#player-big")).ToHaveTextAsync("1 / 8");
        // A tap too many is taken back with −1 rep, beside +1.
        await page.ClickAsync("#player-rep-undo");
        await Assertions.Expect(page.Locator("#player-big")).ToHaveTextAsync("0 / 8");
        await page.ClickAsync("#player-rep");
        await Assertions.Expect(page.Locator("#player-big")).ToHaveTextAsync("1 / 8");
        await page.ClickAsync("#player-pause");
        await SaveScreenshotAsync(page, "player-390x844.png");
        await page.ClickAsync("#player-pause");

        await page.ClickAsync("#player-next");
        await page.ClickAsync("#player-next");
        await page.ClickAsync("#player-next");
        await Assertions.Expect(page.Locator("#player-big")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ s$"));
        await AssertFitsOneScreenAsync(page, "rest");
        await SaveScreenshotAsync(page, "player-rest-390x844.png");
        for (var i = 0; i < 5; i++)
        {
            await page.ClickAsync("#player-next");
        }
        await Assertions.Expect(page.Locator("#player-set")).ToHaveTextAsync("Left leg, set 3 of 3");
        var spoken = await SpokenAsync(page);
        Assert.Contains("Left leg, set 1 of 3. 8 reps.", spoken);
        Assert.Contains("Switch to your right leg.", spoken);
        Assert.Contains("Rest 30 seconds.", spoken);
        Assert.Contains("Last set. Left leg, set 3 of 3. 8 reps.", spoken);
        Assert.True(await page.EvaluateAsync<int>("window.__wakeLocks") >= 1, "the player asks to keep the screen on");

        // A reload (or a phone that dropped the tab) comes back to the same set, paused, cues still on.
        var name = await page.Locator("#player-name").TextContentAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#player")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#player-start")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#player-name")).ToHaveTextAsync(name!);
        await Assertions.Expect(page.Locator("#player-set")).ToHaveTextAsync("Left leg, set 3 of 3");
        await Assertions.Expect(page.Locator("#player-pause")).ToHaveTextAsync("Resume");
        Assert.True(await speech.IsCheckedAsync(), "the cue choice is remembered");
        await AssertFitsOneScreenAsync(page, "resumed");
        await page.ClickAsync("#player-pause");
        await Assertions.Expect(page.Locator("#player-pause")).ToHaveTextAsync("Pause");
        await page.ClickAsync("#player-next");
        Assert.Contains("Switch to your right leg.", await SpokenAsync(page));

        // Turned off, it stays off after a reload and says nothing more.
        await speech.UncheckAsync();
        await page.ReloadAsync();
        Assert.False(await speech.IsCheckedAsync());
        await page.ClickAsync("#player-pause");
        await page.ClickAsync("#player-next");
        Assert.Empty(await SpokenAsync(page));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>As the player leaves the page (no scrolling by the test), the coach's parts are inside the 390x844 viewport and every control is at least 44 px.</summary>
    private static async Task AssertFitsOneScreenAsync(IPage page, string phase)
    {
        var parts = new[] { "#player-progress", "#player-position", "#player-name", "#player-set", "#player-big", "#player-next-up", "#player-back", "#player-pause", "#player-next" }.ToList();
        if (await page.Locator("#player-reps").IsVisibleAsync())
        {
            parts.Add("#player-rep");
            parts.Add("#player-rep-undo");
        }
        foreach (var part in parts)
        {
            var box = await page.Locator(part).BoundingBoxAsync();
            Assert.True(box is not null, $"{phase}: {part} is not shown");
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 844 && box.X >= 0 && box.X + box.Width <= 390,
                $"{phase}: {part} at x {box.X}-{box.X + box.Width}, y {box.Y}-{box.Y + box.Height} is outside 390x844");
        }
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#player button, #player summary, #player label')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([, r]) => r.width < 44 || r.height < 44)
              .map(([e, r]) => `${e.id || e.textContent.trim()} ${Math.round(r.width)}x${Math.round(r.height)}`)
            """);
        Assert.True(small.Length == 0, $"{phase}: tap targets under 44 px: {string.Join("; ", small)}");
    }

    /// <summary>With KNEERESET_SAVE_SCREENSHOTS=docs/images, keeps the screen as the runner sees it for the docs.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("KNEERESET_SAVE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
        }
    }

    private static async Task<List<string>> SpokenAsync(IPage page) =>
        JsonSerializer.Deserialize<List<string>>(await page.EvaluateAsync<string>("JSON.stringify(window.__spoken)"))!;
}
