using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// What every runner page must pass, on a common phone (390x844) and a small one (320 px wide):
/// an axe scan without serious or critical violations (at 320 px, where reflow problems show), no sideways scroll, and a header whose
/// logo does not run into the navigation. Problems are collected, not thrown, so one walk
/// through the journey reports every page that fails.
/// </summary>
public sealed class PageChecks
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize SmallPhone = new() { Width = 320, Height = 640 };

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public int PagesChecked { get; private set; }

    /// <summary>
    /// Checks the page as it is now at both widths, and leaves it at 390x844; with
    /// <paramref name="tapTargets"/>, also that every control a finger uses is big enough
    /// (<see cref="SmallTargets"/>), in the same two layouts rather than two more.
    /// </summary>
    public async Task CheckAsync(IPage page, string label, bool tapTargets = false)
    {
        foreach (var size in new[] { SmallPhone, Phone })
        {
            await ResizeAsync(page, size);
            var where = $"{label} ({page.Url}) at {size.Width} px";

            if (tapTargets)
            {
                foreach (var target in await page.EvaluateAsync<string[]>(SmallTargets))
                {
                    _problems.Add($"{where}: tap target under 44 x 44 px: {target}");
                }
            }

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                var widest = await page.EvaluateAsync<string>(WidestElement);
                _problems.Add($"{where}: scrolls sideways, {widths[0]} px wide in {widths[1]} px; widest: {widest}");
            }

            var overlap = await page.EvaluateAsync<bool>("""
                () => {
                  const brand = document.querySelector('.brand')?.getBoundingClientRect();
                  const nav = document.querySelector('.site-header nav')?.getBoundingClientRect();
                  if (!brand || !nav) return false;
                  // On one row, at least 8 px apart; or wrapped onto rows of their own.
                  return brand.right + 8 > nav.left && brand.bottom > nav.top && nav.bottom > brand.top;
                }
                """);
            if (overlap)
            {
                _problems.Add($"{where}: the logo runs into the navigation");
            }

            foreach (var broken in await page.EvaluateAsync<string[]>(BrokenHeadings))
            {
                _problems.Add($"{where}: a column heading breaks inside a word: {broken}");
            }

            // One axe scan per page, at the small width where reflow problems show.
            if (size != SmallPhone)
            {
                continue;
            }
            foreach (var violation in await SeriousAxeViolationsAsync(page))
            {
                _problems.Add($"{where}: axe {violation}");
            }
        }
        PagesChecked++;
    }

    /// <summary>
    /// Every axe rule run on the page, in the page; each serious or critical violation as "impact
    /// rule: help [the first three elements]". The script comes from the test app's own address
    /// (<see cref="AxeScript"/>), so the browser caches it and its compiled code: Deque's RunAxe
    /// hands the half megabyte over the driver and compiles it again on every scan, about 0.3 s a page.
    /// </summary>
    private static async Task<string[]> SeriousAxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Url = AxeScript.Path });
        }
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.impact} ${v.id}: ${v.help} [${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}]`)
            """);
    }

    /// <summary>
    /// A new viewport size, measured only once the page has laid itself out at it: right after the
    /// resize, the media queries of the new width may not have applied yet (a stacked table still
    /// measured as a wide one).
    /// </summary>
    private static async Task ResizeAsync(IPage page, ViewportSize size)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        await page.WaitForFunctionAsync("w => document.documentElement.clientWidth <= w && matchMedia(`(max-width: ${w}px)`).matches", size.Width);
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    /// <summary>
    /// Every control a finger uses is at least 44 x 44 px (a radio's or checkbox's label counts as
    /// its target, and so does a tappable area of a picture). Links inside a sentence are exempt,
    /// as WCAG 2.5.8 exempts inline targets: making them taller would break the line.
    /// </summary>
    private const string SmallTargets = """
        () => {
          const found = [];
          const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
          const inSentence = a => [...a.parentElement.childNodes].some(n => n !== a && n.nodeType === 3 && n.textContent.trim().length > 1);
          const name = el => el.tagName.toLowerCase() + (el.getAttribute('name') ? `[name="${el.getAttribute('name').replace(/\d+/g, 'n')}"]` : '') + (el.matches('select, textarea, input') ? '' : ` "${(el.innerText || el.getAttribute('aria-label') || el.getAttribute('data-value') || '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`);
          for (const el of document.querySelectorAll('main a[href], header a[href], main button, main select, main textarea, main summary, main input:not([type=hidden]), main svg .region')) {
            if (el.closest('.visually-hidden, .skip-link')) continue;
            let box = el;
            if (el.matches('input[type=radio], input[type=checkbox]')) {
              box = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el;
            }
            if (!visible(box)) continue;
            if (el.matches('a') && inSentence(el)) continue;
            const r = box.getBoundingClientRect();
            if (r.width < 43.5 || r.height < 43.5) found.push(`${name(el)} is ${Math.round(r.width)} x ${Math.round(r.height)}`);
          }
          // One line per kind of target: a table of twenty rows has one problem, not sixty.
          const counts = new Map();
          for (const f of found) counts.set(f, (counts.get(f) || 0) + 1);
          return [...counts].map(([f, n]) => n > 1 ? `${f} (${n} like it)` : f);
        }
        """;

    // A word of a visible column heading laid out on two lines ("Routin" / "e"): each word's text
    // range has boxes on more than one line. Headings hidden for stacked tables are skipped.
    private const string BrokenHeadings = """
        () => {
          const found = [];
          for (const th of document.querySelectorAll('thead th')) {
            const head = th.closest('thead').getBoundingClientRect();
            if (head.width <= 2 || head.height <= 2 || getComputedStyle(th).display === 'none') continue;
            const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of node.textContent.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) found.push(`"${m[0]}" in "${th.textContent.trim()}"`);
              }
            }
          }
          return found;
        }
        """;

    public void AssertNone() =>
        Assert.True(_problems.Count == 0, $"{_problems.Count} problems on {PagesChecked} pages:{Environment.NewLine}{string.Join(Environment.NewLine, _problems)}");

    // The deepest visible element that reaches past the viewport's right edge: names the culprit.
    private const string WidestElement = """
        () => {
          const limit = document.documentElement.clientWidth;
          let worst = null;
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > limit + 0.5) worst = el;
          }
          if (!worst) return 'none found';
          const r = worst.getBoundingClientRect();
          return worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') + (worst.className && typeof worst.className === 'string' ? '.' + worst.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right);
        }
        """;
}
