using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

[Collection(SharedBrowser.Name)]
public partial class PrintTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task A_result_with_two_likely_causes_prints_on_one_A4_page()
    {
        var (context, page, _) = await app.NewPageAsync();
        await using var _ = context;
        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new
            {
                answers = new Dictionary<string, object>
                {
                    ["age"] = 29,
                    ["location"] = new[] { "front_kneecap" },
                    ["onset"] = "gradual",
                    ["worst_pain"] = 4,
                    ["red_flags"] = Array.Empty<string>(),
                    ["aggravators"] = new[] { "stairs_down", "prolonged_sitting" },
                    ["single_leg_squat_knee_caves"] = true,
                    ["knee_to_wall_cm"] = 7,
                    ["weekly_km_now"] = 40,
                    ["weekly_km_month_ago"] = 25,
                    ["shoe_km"] = 900,
                    ["form"] = new[] { "overstriding" },
                },
            },
        });
        var resultUrl = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("resultUrl").GetString()!;
        await page.GotoAsync(resultUrl);

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });

        if (Environment.GetEnvironmentVariable("KNEERESET_SAVE_PDF") is { } save)
        {
            await File.WriteAllBytesAsync(save, pdf);
        }
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.True(pages == 1, $"printed on {pages} pages");
    }

    [ChromiumFact]
    public async Task How_KneeReset_reasons_prints_on_A4_without_cutting_anything_off()
    {
        var (context, page, _) = await app.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/how-it-reasons");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        // A4 at 96 dpi less the default print margins: about 718 px of printable width.
        await page.SetViewportSizeAsync(718, 1000);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        if (Environment.GetEnvironmentVariable("KNEERESET_SAVE_PDF") is { } save)
        {
            await File.WriteAllBytesAsync(save, pdf);
        }

        Assert.True(overflow <= 0, $"the printed page is {overflow} px wider than A4");
        Assert.True(await page.Locator("nav").First.IsHiddenAsync(), "navigation is not printed");
        Assert.InRange(PdfPage().Count(Encoding.Latin1.GetString(pdf)), 2, 20);
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
