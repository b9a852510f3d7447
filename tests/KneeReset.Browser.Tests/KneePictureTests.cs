using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>The knee picture on a small phone: its labelled sides tick the right boxes (issue 11, finding 13).</summary>
[Collection(SharedBrowser.Name)]
public class KneePictureTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task Tapping_the_side_labelled_outer_ticks_the_outer_side_box_at_320_px()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(PageChecks.SmallPhone.Width, PageChecks.SmallPhone.Height);
        await page.StartToWhereItHurtsAsync();
        await Assertions.Expect(page.Locator(".knee-picture figcaption")).ToContainTextAsync("your right knee as you look down at it");

        // The region nearest the "Outer side" label is the outer side: the label and the box agree.
        var label = await page.Locator(".knee-svg text", new() { HasText = "Outer" }).BoundingBoxAsync();
        var outer = page.Locator(".knee-svg .region[data-value='outer_side']");
        var region = await outer.BoundingBoxAsync();
        Assert.True(Math.Abs((label!.X + (label.Width / 2)) - (region!.X + (region.Width / 2))) < region.Width * 1.5, "the Outer side label sits under the outer region");
        await outer.ClickAsync();

        await Assertions.Expect(page.Locator("#location-outer_side")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#location-inner_side")).Not.ToBeCheckedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "no sideways scroll at 320 px");
        Assert.Empty(errors);
    }
}
