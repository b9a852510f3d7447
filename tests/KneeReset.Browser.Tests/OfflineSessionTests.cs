using System.Text.Json;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// The private player on a track with no signal (issue 25): opened online, it keeps working
/// offline, and a session saved offline stays on the device until it is sent, then joins the
/// runner's history once, however often it is sent.
/// </summary>
[Collection(SharedBrowser.Name)]
public class OfflineSessionTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task A_session_saved_offline_in_the_private_player_is_sent_when_back_online()
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
                    ["worst_pain"] = 3,
                    ["red_flags"] = Array.Empty<string>(),
                    ["aggravators"] = new[] { "stairs_down" },
                },
            },
        });
        var manage = new Uri(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!).AbsolutePath;
        await page.GotoAsync(manage);
        var play = (await page.Locator(".routines a.button").First.GetAttributeAsync("href"))!;

        await page.GotoAsync(play);
        // Online, a log the server refuses shows its errors at the form, as without JavaScript.
        await page.ClickAsync("text=Save session");
        await Assertions.Expect(page.Locator("#log .error-summary")).ToBeFocusedAsync();
        // The worker has kept this page and its files: offline, the page comes from the device.
        await page.Locator("[data-player][data-offline-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#log form")).ToBeVisibleAsync();

        await page.CheckAsync("input[name='Input.PainUsual'][value='1']");
        await page.CheckAsync("input[name='Input.PainDuring'][value='4']");
        await page.CheckAsync("input[name='Input.Feeling'][value='about_right']");
        await page.ClickAsync("text=Save session");
        await Assertions.Expect(page.Locator("#log-outbox")).ToContainTextAsync("saved on this device");
        // The same queued session twice, as when a post reached the server but its reply was lost and
        // the device kept it to send again: it carries the same client key, so it is stored once.
        await page.EvaluateAsync(@"() => {
            const queued = JSON.parse(localStorage.getItem('kneereset-outbox'));
            queued.push(Object.assign({}, queued[0], { savedAt: queued[0].savedAt + 1 }));
            localStorage.setItem('kneereset-outbox', JSON.stringify(queued));
        }");

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#log-outbox")).ToContainTextAsync("2 sessions kept on this device were sent");
        Assert.Equal("[]", await page.EvaluateAsync<string>("() => localStorage.getItem('kneereset-outbox')"));

        await page.GotoAsync(manage);
        var rows = page.Locator(".session-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First.Locator("td").Nth(2)).ToHaveTextAsync("4");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
