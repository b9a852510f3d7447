using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>An urgent red flag takes the runner to their result without the pain question (issue 11, finding 12).</summary>
[Collection(SharedBrowser.Name)]
public class UrgentRouteTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task A_runner_who_cannot_bear_weight_goes_from_where_it_hurts_to_the_review_and_a_clinician_first_result()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(320, 700);
        await page.GotoAsync("/assess");
        await page.ClickAsync("button:text-is('Start')");
        await page.CheckAsync("#onset-sudden_injury");
        await page.CheckAsync("#red_flags-cannot_bear_weight");
        await page.NextStepAsync();
        await Assertions.Expect(page.Locator(".banner-urgent")).ToBeVisibleAsync();
        await page.FillAsync("#age-input", "41");
        await page.NextStepAsync();
        await page.CheckAsync("#location-front_kneecap");
        await page.NextStepAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers");
        Assert.Equal(0, await page.Locator("text=How bad was the pain").CountAsync());
        await page.ClickAsync("button:text-is('See my result')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your result");
        await Assertions.Expect(page.Locator(".banner-urgent")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".routine-list").CountAsync());
        Assert.Empty(errors);
    }
}
