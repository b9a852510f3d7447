using System.Globalization;
using AngleSharp.Dom;

namespace KneeReset.Web.Tests.Pages.Assess;

/// <summary>The knee picture says which knee it draws and from where, and its side labels sit on the sides they name.</summary>
public class KneePictureTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_picture_is_your_right_knee_seen_looking_down_with_the_outer_side_labelled_on_your_right()
    {
        using var runner = app.CreateBrowser();
        var first = await Wizard.StartAsync(runner);
        var page = await runner.GetPageAsync(first.Replace("/safety", "/where", StringComparison.Ordinal));

        var figure = page.QuerySelector("figure.knee-picture")!;
        Assert.Contains("your right knee as you look down at it", figure.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("from the front", figure.TextContent, StringComparison.Ordinal);
        var middle = 120.0; // half the drawing's 240-wide viewBox
        Assert.True(CentreOf(Region(figure, "outer_side")) > middle && LabelX(figure, "Outer side") > middle, "outer side on the viewer's right");
        Assert.True(CentreOf(Region(figure, "inner_side")) < middle && LabelX(figure, "Inner side") < middle, "inner side on the viewer's left");
        // The picture's regions still stand for the checkboxes that do the work without JavaScript.
        Assert.All(figure.QuerySelectorAll(".region"), r => Assert.NotNull(page.GetElementById("location-" + r.GetAttribute("data-value"))));
    }

    private static IElement Region(IElement figure, string value) => figure.QuerySelector($".region[data-value='{value}']")!;

    private static double CentreOf(IElement rect) => Number(rect, "x") + (Number(rect, "width") / 2);

    private static double LabelX(IElement figure, string text) => Number(figure.QuerySelectorAll("text").Single(t => t.TextContent == text), "x");

    private static double Number(IElement e, string attribute) => double.Parse(e.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}
