using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>"Remember on this device" (issue 25): a session played from the public pages is never orphaned.</summary>
[Collection(SharedBrowser.Name)]
public partial class RememberOnDeviceTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task A_remembered_private_page_shows_on_the_home_page_and_takes_the_public_players_session()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new
            {
                answers = new Dictionary<string, object>
                {
                    ["location"] = new[] { "front_kneecap" },
                    ["onset"] = "gradual",
                    ["worst_pain"] = 4,
                    ["red_flags"] = Array.Empty<string>(),
                },
            },
        });
        var manage = new Uri(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!).AbsolutePath;

        // Opt in on the private page.
        await page.GotoAsync(manage);
        await page.ClickAsync("button[data-remember-save]");
        await Assertions.Expect(page.Locator("[data-remember-on]")).ToBeVisibleAsync();

        // The home page offers the way back.
        await page.GotoAsync("/");
        var continuing = page.Locator("[data-remember-continue] a[data-remember-link]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Continue where you left off" })).ToBeVisibleAsync();
        await Assertions.Expect(continuing).ToHaveAttributeAsync("href", manage);

        // The public player says where the session goes, and logs it there.
        await page.GotoAsync("/routines/hip-and-glute-strength/play");
        await Assertions.Expect(page.Locator("[data-log-private]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-log-nowhere]")).ToBeHiddenAsync();
        await page.CheckAsync("input[name='Input.PainUsual'][value='1']");
        await page.CheckAsync("input[name='Input.PainDuring'][value='2']");
        await page.CheckAsync("input[name='Input.Feeling'][value='about_right']");
        await page.ClickAsync("text=Save session");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseAddress + manage.TrimStart('/')) + "/sessions/"));

        await page.GotoAsync(manage);
        await Assertions.Expect(page.Locator(".session-table tbody tr")).ToHaveCountAsync(1);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
