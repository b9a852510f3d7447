using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>With miles chosen, the distance fields say miles at once (issue 11, finding 11).</summary>
[Collection(SharedBrowser.Name)]
public class DistanceUnitTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task Choosing_miles_relabels_the_distance_fields_at_once()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        await page.StartToWhereItHurtsAsync();
        await page.CheckAsync("#location-below_kneecap");
        await page.NextStepAsync();
        await page.CheckAsync("#worst_pain-4");
        await page.NextStepAsync();
        await page.NextStepAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your training");
        var units = page.Locator(".unit[data-distance]");
        await Assertions.Expect(units.First).ToHaveTextAsync("km");

        await page.CheckAsync("input[name='unit'][value='miles']");

        foreach (var label in await units.AllAsync())
        {
            await Assertions.Expect(label).ToHaveTextAsync("miles");
        }
        Assert.Empty(errors);
    }
}
