using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>A runner and a staff member far from UTC read times in their own zone (local-time.js).</summary>
[Collection(SharedBrowser.Name)]
public class LocalTimeTests(BrowserApp app)
{
    private const string Zone = "Pacific/Auckland";

    [ChromiumFact]
    public async Task A_runner_and_staff_in_Auckland_read_their_own_local_time_not_utc()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            TimezoneId = Zone,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.PageError += (_, error) => errors.Add(error);
        var auckland = TimeZoneInfo.FindSystemTimeZoneById(Zone);

        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new { answers = new Dictionary<string, object> { ["location"] = new[] { "front_kneecap" }, ["onset"] = "gradual", ["worst_pain"] = 3, ["red_flags"] = Array.Empty<string>() } },
        });
        await page.GotoAsync(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!);

        // The day it was checked, in Auckland: a moment late in the UTC day is already tomorrow there.
        var checkedOn = page.Locator(".result .meta time");
        var local = await LocalAsync(checkedOn, auckland);
        await Assertions.Expect(checkedOn).ToHaveTextAsync(local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));

        await page.GotoAsync("/Staff/SignIn");
        await page.FillAsync("input[name='Input.Email']", BrowserApp.AdminEmail);
        await page.FillAsync("input[name='Input.Password']", BrowserApp.AdminPassword);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.GotoAsync("/Staff/Audit");

        var newest = page.Locator(".staff-table tbody time").First;
        var when = await LocalAsync(newest, auckland);
        await Assertions.Expect(newest).ToContainTextAsync(when.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        await Assertions.Expect(newest).ToContainTextAsync(when.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        await Assertions.Expect(newest).Not.ToContainTextAsync("UTC");
        // The UTC it was written in stays at hand.
        Assert.EndsWith("UTC", await newest.GetAttributeAsync("title"), StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>The element's moment (its datetime attribute, in UTC) as a clock in <paramref name="zone"/> shows it.</summary>
    private static async Task<DateTime> LocalAsync(ILocator time, TimeZoneInfo zone)
    {
        var utc = DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
        return TimeZoneInfo.ConvertTime(utc, zone).DateTime;
    }
}
