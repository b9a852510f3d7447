using System.Net;

namespace KneeReset.Web.Tests.Pages.Sessions;

/// <summary>
/// Logging sessions against a result: only the runner's private link can, and no page a share
/// link leads to shows another token (issue 9, finding 1).
/// </summary>
public class ShowTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private const string Routine = "post-run-knee-reset";

    [Fact]
    public async Task A_session_logged_from_a_routine_opened_by_its_title_on_the_private_page_joins_the_runners_history()
    {
        using var runner = factory.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        var title = (await runner.GetPageAsync(manage)).QuerySelector(".routines h3 a")!.GetAttribute("href")!;
        var start = (await runner.GetPageAsync(title)).QuerySelector("a.button[href*='/play']")!.GetAttribute("href")!;

        using var logged = await runner.SubmitAsync(start, null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        var session = await runner.GetPageAsync(Browser.AssertRedirect(logged));

        Assert.Equal(manage, session.QuerySelectorAll("a").Single(a => a.TextContent == "Back to your result").GetAttribute("href"));
        Assert.Single((await runner.GetPageAsync(manage)).QuerySelectorAll("svg.history-chart rect.session"));
        Assert.DoesNotContain(RunnerResults.TokenOf(share), session.DocumentElement.OuterHtml, StringComparison.Ordinal);
        using var unknown = await runner.GetAsync(new Uri(title.Replace(RunnerResults.TokenOf(manage), RunnerResults.TokenOf(share), StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_replaced_share_link_cannot_attach_a_session_or_learn_the_new_link()
    {
        using var runner = factory.CreateBrowser();
        var (oldShare, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "NewLink", ("confirmNewLink", "true"));
        var newShare = new Uri((await runner.GetPageAsync(manage)).QuerySelector("#share-url")!.GetAttribute("value")!, UriKind.RelativeOrAbsolute);
        var newToken = RunnerResults.TokenOf(newShare.IsAbsoluteUri ? newShare.AbsolutePath : newShare.OriginalString);
        using var holder = factory.CreateBrowser();

        var sessionPage = await LogAsStrangerAsync(holder, RunnerResults.TokenOf(oldShare));

        Assert.DoesNotContain(newToken, sessionPage, StringComparison.Ordinal);
        Assert.DoesNotContain(RunnerResults.TokenOf(manage), sessionPage, StringComparison.Ordinal);
        Assert.Empty((await runner.GetPageAsync(manage)).QuerySelectorAll("svg.history-chart rect.session"));
    }

    [Fact]
    public async Task A_revoked_share_link_cannot_attach_a_session_to_the_runners_history()
    {
        using var runner = factory.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Revoke");
        using var stranger = factory.CreateBrowser();

        await LogAsStrangerAsync(stranger, RunnerResults.TokenOf(share), pain: "10");
        using var asPrivate = await stranger.GetAsync(new Uri($"/m/{RunnerResults.TokenOf(share)}/play/{Routine}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, asPrivate.StatusCode);
        Assert.Empty((await runner.GetPageAsync(manage)).QuerySelectorAll("svg.history-chart rect.session"));
    }

    [Fact]
    public async Task The_public_session_page_names_no_result_even_when_the_session_belongs_to_one()
    {
        using var runner = factory.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var logged = await runner.SubmitAsync($"{manage}/play/{Routine}", null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        var privateSession = Browser.AssertRedirect(logged);
        var sessionToken = privateSession[(privateSession.LastIndexOf('/') + 1)..];

        using var response = await runner.GetAsync(new Uri($"/sessions/{sessionToken}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(RunnerResults.TokenOf(share), html, StringComparison.Ordinal);
        Assert.DoesNotContain(RunnerResults.TokenOf(manage), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_is_not_shown_under_another_runners_private_link()
    {
        using var runner = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var (_, otherManage) = await RunnerResults.CreateAsync(runner);
        using var logged = await runner.SubmitAsync($"{manage}/play/{Routine}", null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        var session = Browser.AssertRedirect(logged);

        using var response = await runner.GetAsync(new Uri(otherManage + session[manage.Length..], UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task No_page_reached_from_a_share_link_shows_another_token()
    {
        using var runner = factory.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        // Give the share page a history to show: a logged session.
        using (var logged = await runner.SubmitAsync($"{manage}/play/{Routine}", null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy")))
        {
            Browser.AssertRedirect(logged);
        }
        using var holder = factory.CreateBrowser();

        var seen = await CrawlAsync(holder, share, depth: 2);

        Assert.True(seen.Count > 3, $"the crawl reached only {string.Join(", ", seen.Keys)}");
        foreach (var (url, html) in seen)
        {
            Assert.False(html.Contains(RunnerResults.TokenOf(manage), StringComparison.Ordinal), $"{url} shows the private token");
        }
    }

    /// <summary>Logs a session as someone holding only a share token would: the old ?from= address.</summary>
    private static async Task<string> LogAsStrangerAsync(HttpClient client, string shareToken, string pain = "3")
    {
        using var response = await client.SubmitAsync($"/routines/{Routine}/play?from={shareToken}", null, ("Input.PainUsual", "1"), ("Input.PainDuring", pain), ("Input.Feeling", "too_hard"));
        var location = Browser.AssertRedirect(response);
        Assert.StartsWith("/sessions/", location, StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri(location, UriKind.Relative));
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>Every same-site page linked from <paramref name="start"/>, to the given depth, with its HTML.</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(HttpClient client, string start, int depth)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var frontier = new List<string> { start };
        for (var level = 0; level <= depth && frontier.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var url in frontier.Where(u => !seen.ContainsKey(u)))
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var html = await response.Content.ReadAsStringAsync();
                seen[url] = html;
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }
                var page = await Browser.ParseAsync(response);
                next.AddRange(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                    .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !h.StartsWith("/Staff", StringComparison.Ordinal))
                    .Select(h => h.Split('#')[0]));
            }
            frontier = next.Distinct().ToList();
        }
        return seen;
    }
}
