using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>A runner and a staff member far from UTC read times in their own zone (local-time.js).</summary>
[Collection(SecondBrowser.Name)]
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

    [ChromiumFact]
    public async Task On_a_320_px_phone_the_sharing_controls_read_the_local_date_in_full_and_stand_apart()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            TimezoneId = Zone,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 320, Height = 700 },
        });
        var page = await context.NewPageAsync();
        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new { answers = new Dictionary<string, object> { ["location"] = new[] { "front_kneecap" }, ["onset"] = "gradual", ["worst_pain"] = 3, ["red_flags"] = Array.Empty<string>() } },
        });
        await page.GotoAsync(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!);

        // The current end in the expiry choice is the day the sentence above shows, in Auckland, without "UTC".
        var sentence = page.Locator(".sharing p time").First;
        var local = (await LocalAsync(sentence, TimeZoneInfo.FindSystemTimeZoneById(Zone))).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(sentence).ToHaveTextAsync(local);
        var current = page.Locator("select[name='Sharing.Expiry'] option").First;
        await Assertions.Expect(current).ToHaveTextAsync($"Until {local}");

        // The chosen option's words fit inside the select, less its padding and the arrow; so does the longest date there is.
        foreach (var text in new[] { $"Until {local}", "Until 28 September 2027" })
        {
            var fit = await page.EvaluateAsync<double[]>(@"text => {
                const select = document.querySelector(""select[name='Sharing.Expiry']"");
                const style = getComputedStyle(select);
                const pen = document.createElement('canvas').getContext('2d');
                pen.font = style.font;
                const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
                return [pen.measureText(text).width, room, select.getBoundingClientRect().right, document.documentElement.clientWidth];
            }", text);
            Assert.True(fit[0] <= fit[1], $"'{text}' needs {fit[0]:0} px but the select has {fit[1]:0}");
            Assert.True(fit[2] <= fit[3], "the expiry select runs off the screen");
        }

        // Stop and New link: finger-sized and apart; the box that confirms a new link is a target too.
        var stop = (await page.Locator("button:text-is('Stop sharing (revoke the link)')").BoundingBoxAsync())!;
        var renew = (await page.Locator("button:text-is('Make a new share link')").BoundingBoxAsync())!;
        var confirm = (await page.Locator("label:has(#confirm-new-link)").BoundingBoxAsync())!;
        Assert.All(new[] { stop, renew, confirm }, box => Assert.True(box.Height >= 44 && box.Width >= 44, $"a {box.Width:0} x {box.Height:0} px target"));
        var gap = confirm.Y - (stop.Y + stop.Height);
        Assert.True(gap >= 8, $"Stop sharing and Make a new share link are {gap:0} px apart");
        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
    }

    /// <summary>The element's moment (its datetime attribute, in UTC) as a clock in <paramref name="zone"/> shows it.</summary>
    private static async Task<DateTime> LocalAsync(ILocator time, TimeZoneInfo zone)
    {
        var utc = DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
        return TimeZoneInfo.ConvertTime(utc, zone).DateTime;
    }
}
