using AngleSharp.Html.Dom;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>
/// "Remember on this device" and the public player's log (issue 25, continuity): what the server
/// sends. The browser side (localStorage, the form switching to the private page) is
/// KneeReset.Browser.Tests' RememberOnDeviceTests.
/// </summary>
public class RememberOnDeviceTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private const string Slug = "hip-and-glute-strength";

    [Fact]
    public async Task The_private_page_offers_to_remember_it_on_this_device_through_a_script_only()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);

        var page = await runner.GetPageAsync(manage);
        var remember = page.QuerySelector("section[data-remember]")!;
        Assert.Equal(RunnerResults.TokenOf(manage), remember.GetAttribute("data-remember"));
        Assert.True(remember.HasAttribute("hidden"), "without JavaScript the control stays hidden");
        Assert.NotNull(remember.QuerySelector("button[data-remember-save]"));
        Assert.NotNull(remember.QuerySelector("button[data-remember-forget]"));
        AssertScriptsOnly(page);
    }

    [Fact]
    public async Task The_home_page_has_a_hidden_continue_block_and_no_cookie_for_it()
    {
        using var visitor = app.CreateBrowser();
        using var response = await visitor.GetAsync(new Uri("/", UriKind.Relative));
        var page = await visitor.GetPageAsync("/");

        var continuing = page.QuerySelector("[data-remember-continue]")!;
        Assert.True(continuing.HasAttribute("hidden"));
        Assert.Contains("Continue where you left off", continuing.TextContent, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        AssertScriptsOnly(page);
    }

    [Fact]
    public async Task The_public_player_says_before_saving_that_the_session_joins_no_history()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);

        var open = await runner.GetPageAsync($"/routines/{Slug}/play");
        var notice = open.QuerySelector("#log [data-public-log]")!;
        Assert.Equal(Slug, notice.GetAttribute("data-public-log"));
        Assert.Contains("won't join any history", notice.QuerySelector("[data-log-nowhere]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("private page", notice.QuerySelector("[data-log-nowhere]")!.TextContent, StringComparison.Ordinal);
        Assert.True(notice.QuerySelector("[data-log-private]")!.HasAttribute("hidden"));
        // The notice comes before the form's save button.
        Assert.True(notice.CompareDocumentPosition(open.QuerySelector("#log form button[type=submit]")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        AssertScriptsOnly(open);

        var own = await runner.GetPageAsync($"{manage}/play/{Slug}");
        Assert.Null(own.QuerySelector("[data-public-log]"));
    }

    private static void AssertScriptsOnly(IHtmlDocument page)
    {
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.All(scripts, s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "no inline script (strict CSP)"));
        Assert.Contains(scripts, s => s.GetAttribute("src")!.Contains("/js/remember", StringComparison.Ordinal));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }
}
