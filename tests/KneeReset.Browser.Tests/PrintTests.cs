using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

[Collection(SecondBrowser.Name)]
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

    [ChromiumFact]
    public async Task The_private_page_prints_no_private_address_and_the_runner_prints_for_a_clinician_from_the_share_page()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new { answers = new Dictionary<string, object> { ["location"] = new[] { "front_kneecap" }, ["onset"] = "gradual", ["worst_pain"] = 3, ["red_flags"] = Array.Empty<string>() } },
        });
        var links = JsonDocument.Parse(await created.TextAsync()).RootElement;
        var manageUrl = links.GetProperty("manageUrl").GetString()!;
        var privateToken = manageUrl[(manageUrl.LastIndexOf('/') + 1)..];
        await page.GotoAsync(manageUrl);
        var route = page.Locator("a:text-is('Print for a clinician')");
        Assert.Equal(new Uri(links.GetProperty("resultUrl").GetString()!).AbsolutePath, new Uri(await route.GetAttributeAsync("href") ?? "").AbsolutePath);

        // On paper the private page is a note and nothing else: no result, no link that carries its token.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".private-print-note")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator($".result:visible, a[href*='{privateToken}']:visible").CountAsync());
        // A page margin of 0 leaves the browser no room for the header and footer where it prints the address.
        var margins = await page.EvaluateAsync<string[]>(
            "() => [...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r instanceof CSSPageRule).map(r => r.style.margin)");
        Assert.Equal("0px", margins[^1]);
        var privateSheet = Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, DisplayHeaderFooter = true }));
        // A printed link keeps its address in the PDF (a link annotation), so the token would show here.
        Assert.DoesNotContain(privateToken, privateSheet, StringComparison.Ordinal);
        Assert.Equal(1, PdfPage().Count(privateSheet));

        // The share page prints the result, with nothing of the private address.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await route.ClickAsync();
        await Assertions.Expect(page.Locator(".result")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button:text-is('Print')")).ToBeVisibleAsync();
        var sharedSheet = Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true }));
        Assert.DoesNotContain(privateToken, sharedSheet, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
