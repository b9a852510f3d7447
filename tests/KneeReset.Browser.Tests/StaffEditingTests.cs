using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

[Collection(SecondBrowser.Name)]
public class StaffEditingTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task A_staff_member_drafts_over_a_live_routine_runners_keep_it_until_the_draft_is_published()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;

        // The public page is fetched (and cached) before the edit.
        await page.GotoAsync("/routines/core-stability");
        await Assertions.Expect(page.Locator("h1")).Not.ToContainTextAsync("Spring marathon");

        await page.GotoAsync("/Staff/Library/Routines");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Staff/SignIn"));
        await page.FillAsync("input[name='Input.Email']", BrowserApp.AdminEmail);
        await page.FillAsync("input[name='Input.Password']", BrowserApp.AdminPassword);
        await page.ClickAsync("button:has-text('Sign in')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Routines");

        await page.ClickAsync("a:has-text('Core stability')");
        await page.FillAsync("input[name='Input.Title']", "Core stability for the spring marathon");
        await page.SelectOptionAsync("select[name='Input.Status']", "draft");
        await page.ClickAsync("button:text-is('Save')");
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("Saved as version");

        // A draft over the published routine: the editor says so, and runners keep the published version (no 404).
        await Assertions.Expect(page.Locator(".publish-effect")).ToContainTextAsync("Runners keep seeing the published version until you publish this draft");
        var runner = await app.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString() });
        await runner.GotoAsync("/routines/core-stability");
        await Assertions.Expect(runner.Locator("h1")).Not.ToContainTextAsync("Spring marathon");
        await runner.GotoAsync("/routines/core-stability/play");
        await Assertions.Expect(runner.Locator("h1")).Not.ToContainTextAsync("Spring marathon");
        await runner.CloseAsync();

        await page.SelectOptionAsync("select[name='Input.Status']", "published");
        await page.ClickAsync("button:text-is('Save')");
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("Saved as version");

        await page.GotoAsync("/routines/core-stability");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Core stability for the spring marathon");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
