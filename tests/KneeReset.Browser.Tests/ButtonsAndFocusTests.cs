using System.Text.Json;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// Buttons a runner can read and use: hidden buttons stay hidden (none is dead without
/// JavaScript), hover keeps the text readable and does not stick after a tap on a phone, and the
/// keyboard focus ring stands out (3:1 or more) against what is behind it.
/// </summary>
[Collection(SharedBrowser.Name)]
public class ButtonsAndFocusTests(BrowserApp app)
{
    [ChromiumFact]
    public async Task Without_javascript_the_player_is_a_plain_list_and_no_button_is_dead()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = PageChecks.Phone,
        });
        var page = await context.NewPageAsync();
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
        await page.GotoAsync(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!);
        Assert.Equal(1, await page.Locator("button[data-copy]").CountAsync());
        await Assertions.Expect(page.Locator("button[data-copy]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-print]")).ToBeHiddenAsync();
        var exportLine = await page.Locator("p:has(a[href*='/fhir'])").InnerTextAsync();
        Assert.EndsWith("(FHIR)", exportLine.Trim(), StringComparison.Ordinal);

        await page.GotoAsync("/routines/post-run-knee-reset/play");
        await Assertions.Expect(page.Locator("#player-start")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#player")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("ol.steps > li.play-step").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#log button[type=submit]")).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task Secondary_buttons_keep_their_text_on_hover_and_a_tap_on_a_phone_leaves_no_hover()
    {
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/routines/core-stability/play");
        await page.ClickAsync("#player-start");
        Assert.True(await page.EvaluateAsync<bool>("matchMedia('(hover: hover)').matches"), "this browser hovers, so the hover style is what is tested");
        var resting = await ColoursAsync(page, "#player-next");
        await page.HoverAsync("#player-next");
        var hovered = await ColoursAsync(page, "#player-next");
        Assert.NotEqual(resting.Background, hovered.Background); // hover shows
        Assert.True(Contrast(hovered.Text, hovered.Background) >= 4.5, $"hovered Skip: {hovered.Text} on {hovered.Background}");

        await using var phone = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = PageChecks.Phone,
            IsMobile = true,
            HasTouch = true,
        });
        var touch = await phone.NewPageAsync();
        await touch.GotoAsync("/routines/core-stability/play");
        await touch.TapAsync("#player-start");
        Assert.True(await touch.EvaluateAsync<bool>("matchMedia('(hover: none)').matches"), "a touch phone does not hover");
        await touch.TapAsync("#player-next");
        await touch.TapAsync("#player-next");
        var tapped = await ColoursAsync(touch, "#player-next");
        Assert.Equal(resting, tapped);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [ChromiumFact]
    public async Task The_focus_ring_has_at_least_3_to_1_contrast_with_what_is_behind_it()
    {
        var (context, page, _) = await app.NewPageAsync();
        await using var __ = context;
        var weak = new List<string>();
        foreach (var path in new[] { "/", "/routines/core-stability/play" })
        {
            await page.GotoAsync(path);
            for (var i = 0; i < 25; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var ring = await page.EvaluateAsync<string?>(FocusRing);
                if (ring is null)
                {
                    continue;
                }
                var parts = ring.Split('|');
                if (Contrast(parts[1], parts[2]) < 3)
                {
                    weak.Add($"{path} {parts[0]}: outline {parts[1]} on {parts[2]}");
                }
            }
        }
        Assert.True(weak.Count == 0, string.Join(Environment.NewLine, weak.Distinct()));
    }

    // The focused element, its outline colour and the first solid background behind the outline
    // (its own for an inset outline, else its ancestors').
    private const string FocusRing = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) return `${el.tagName} ${el.id}|rgba(0, 0, 0, 0)|rgb(255, 255, 255)`;
          let behind = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement;
          while (behind && /rgba\(.*, 0\)|transparent/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
          return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${el.textContent.trim().slice(0, 30)}"|${style.outlineColor}|${behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)'}`;
        }
        """;

    private static async Task<(string Text, string Background)> ColoursAsync(IPage page, string selector)
    {
        var colours = await page.EvalOnSelectorAsync<string[]>(selector, "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]");
        return (colours[0], colours[1]);
    }

    /// <summary>WCAG contrast ratio of two CSS rgb()/rgba() colours (a transparent one counts as 1:1).</summary>
    private static double Contrast(string a, string b)
    {
        static double[] Rgb(string css) => css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)]
            .Split(',').Select(x => double.Parse(x.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        static double Luminance(double[] c) => c.Take(3).Select(v => v / 255).Select(v => v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4))
            .Zip([0.2126, 0.7152, 0.0722], (v, w) => v * w).Sum();
        var (x, y) = (Rgb(a), Rgb(b));
        if ((x.Length == 4 && x[3] == 0) || (y.Length == 4 && y[3] == 0))
        {
            return 1;
        }
        var (l1, l2) = (Luminance(x), Luminance(y));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }
}
