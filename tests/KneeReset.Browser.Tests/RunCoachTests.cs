using System.Text.Json;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// The interval coach for a return-to-running stage (issue 26, item 4) on a phone at 390x844:
/// one screen with the countdown, what comes next and interval i of n; a spoken cue at each
/// change, in order; a reload carries on the same interval; offline once opened.
/// </summary>
[Collection(SharedBrowser.Name)]
public class RunCoachTests(BrowserApp app)
{
    // Records what the coach says, in place of the browser's speech (headless Chromium has no voices),
    // and gives it a clock the test moves: a half-hour stage in seconds. The clock lives in
    // sessionStorage so it carries over a reload, as real time would.
    private const string RecordDeviceAndClock = """
        window.__spoken = [];
        class RecordedUtterance { constructor(text) { this.text = text; } }
        Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: RecordedUtterance, configurable: true });
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
          speak(u) { window.__spoken.push(u.text); }, cancel() {}
        } });
        window.__coachClock = { now() { return Number(sessionStorage.getItem('coach-now') || '1000000'); } };
        window.__advance = seconds => sessionStorage.setItem('coach-now', String(window.__coachClock.now() + seconds * 1000));
        """;

    [ChromiumFact]
    public async Task The_coach_counts_down_each_interval_speaks_each_change_resumes_after_a_reload_and_opens_offline()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync(RecordDeviceAndClock);
        var manage = await CreateResultAsync(context);
        // The coach coaches only a stage that is open (a closed ladder gets a page saying so).
        await OpenLadderAsync(context, manage);

        await page.GotoAsync($"{manage}/run/1");
        var checks = new PageChecks();
        await checks.CheckAsync(page, "run coach before start");
        await page.ClickAsync("#coach-start");
        await Assertions.Expect(page.Locator("#coach-kind")).ToHaveTextAsync("Run");
        await Assertions.Expect(page.Locator("#coach-big")).ToHaveTextAsync("1:00");
        await Assertions.Expect(page.Locator("#coach-position")).ToHaveTextAsync("Interval 1 of 12");
        await Assertions.Expect(page.Locator("#coach-next")).ToHaveTextAsync("Next: Walk for four minutes");
        await AssertFitsOneScreenAsync(page);
        await checks.CheckAsync(page, "run coach running");
        Assert.True(checks.Problems.Count == 0, string.Join(Environment.NewLine, checks.Problems));

        await Advance(page, 60);
        await Assertions.Expect(page.Locator("#coach-kind")).ToHaveTextAsync("Walk");
        await Advance(page, 90);
        await Assertions.Expect(page.Locator("#coach-big")).ToHaveTextAsync("2:30");
        Assert.Equal(["Run for one minute", "Walk for four minutes"], await SpokenAsync(page));

        // A reload (or a phone that dropped the tab) is still 90 seconds into the same walk, and says nothing new.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#coach")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#coach-position")).ToHaveTextAsync("Interval 2 of 12");
        await Assertions.Expect(page.Locator("#coach-kind")).ToHaveTextAsync("Walk");
        await Assertions.Expect(page.Locator("#coach-big")).ToHaveTextAsync("2:30");
        await Assertions.Expect(page.Locator("#coach-pause")).ToHaveTextAsync("Pause");
        await AssertFitsOneScreenAsync(page);

        // Paused, the clock stands still; Skip goes on to the next interval.
        await page.ClickAsync("#coach-pause");
        await Advance(page, 600);
        await page.ClickAsync("#coach-pause");
        await Assertions.Expect(page.Locator("#coach-big")).ToHaveTextAsync("2:30");
        await page.ClickAsync("#coach-skip");
        await Assertions.Expect(page.Locator("#coach-position")).ToHaveTextAsync("Interval 3 of 12");
        await Advance(page, 30 * 60);
        await Assertions.Expect(page.Locator("#coach-kind")).ToHaveTextAsync("Done: well done");
        await Assertions.Expect(page.Locator("#coach-done a")).ToHaveAttributeAsync("href", $"{manage}?stage=1#back-to-running");
        Assert.Equal(["Paused", "Resumed", "Run for one minute", "Done: well done"], await SpokenAsync(page));

        // Opened once, the coach page comes from the device when there is no signal.
        await page.Locator("[data-run-coach][data-offline-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Back to running: stage 1 of 7");
        await page.ClickAsync("#coach-start");
        await Assertions.Expect(page.Locator("#coach-position")).ToHaveTextAsync("Interval 1 of 12");
        Assert.Equal(["Run for one minute"], await SpokenAsync(page));
        await context.SetOfflineAsync(false);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>Opens the ladder through the API as a runner would: two comfortable sessions a week apart, then each self-test passed today.</summary>
    internal static async Task OpenLadderAsync(IBrowserContext context, string manage)
    {
        var token = manage.Split('/')[2];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var daysAgo in new[] { 9, 2 })
        {
            var session = await context.APIRequest.PostAsync($"/api/manage/{token}/sessions", new APIRequestContextOptions
            {
                DataObject = new { routine = "hip-and-glute-strength", on = Day(daysAgo), painDuring = 1, usualPain = 1, painNextMorning = 1 },
            });
            Assert.Equal(201, session.Status);
        }
        foreach (var test in new[] { "brisk_walk_30", "single_leg_squat_10", "single_leg_hop_10" })
        {
            var passed = await context.APIRequest.PostAsync($"/api/manage/{token}/self-tests", new APIRequestContextOptions
            {
                DataObject = new { test, passed = true, on = Day(0), pain = 1 },
            });
            Assert.Equal(201, passed.Status);
        }
    }

    internal static async Task<string> CreateResultAsync(IBrowserContext context)
    {
        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new
            {
                answers = new Dictionary<string, object>
                {
                    ["location"] = new[] { "front_kneecap" },
                    ["onset"] = "gradual",
                    ["worst_pain"] = 3,
                    ["red_flags"] = Array.Empty<string>(),
                    ["aggravators"] = new[] { "stairs_down" },
                },
            },
        });
        return new Uri(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!).AbsolutePath;
    }

    private static Task Advance(IPage page, int seconds) => page.EvaluateAsync($"window.__advance({seconds})");

    /// <summary>As the coach leaves the page (no scrolling by the test), its parts are inside 390x844 and every control is at least 44 px.</summary>
    private static async Task AssertFitsOneScreenAsync(IPage page)
    {
        foreach (var part in new[] { "#coach-progress", "#coach-position", "#coach-kind", "#coach-big", "#coach-next", "#coach-pause", "#coach-skip", "#coach-restart" })
        {
            var box = await page.Locator(part).BoundingBoxAsync();
            Assert.True(box is not null, $"{part} is not shown");
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 844 && box.X >= 0 && box.X + box.Width <= 390,
                $"{part} at x {box.X}-{box.X + box.Width}, y {box.Y}-{box.Y + box.Height} is outside 390x844");
        }
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#coach button, #coach label, #coach a')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([, r]) => r.width < 44 || r.height < 44)
              .map(([e, r]) => `${e.id || e.textContent.trim()} ${Math.round(r.width)}x${Math.round(r.height)}`)
            """);
        Assert.True(small.Length == 0, $"tap targets under 44 px: {string.Join("; ", small)}");
    }

    private static async Task<List<string>> SpokenAsync(IPage page) =>
        JsonSerializer.Deserialize<List<string>>(await page.EvaluateAsync<string>("JSON.stringify(window.__spoken)"))!;
}
