using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Coach;

/// <summary>
/// The interval coach's page at /m/{manage}/run/{stage} (issue 26, item 4): without JavaScript it is
/// the stage as a table and a link to log the run; only the private link opens it. The coach
/// itself (countdown, cues, resume, offline) is KneeReset.Browser.Tests' RunCoachTests.
/// </summary>
public class RunTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Without_javascript_the_stage_is_a_table_of_intervals_with_a_link_to_log_the_run()
    {
        using var client = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        await RunningLadder.OpenAsync(client, RunnerResults.TokenOf(manage), Today);

        using var response = await client.GetAsync(new Uri($"{manage}/run/1", UriKind.Relative));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{response.Headers.CacheControl}");
        // Stage 1 of content/return-to-run.json: run 1 min, walk 4 min, 6 times.
        var rows = page.QuerySelectorAll("tbody .run-interval");
        Assert.Equal(12, rows.Length);
        Assert.Equal(["1", "Run", "1 min"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["2", "Walk", "4 min"], rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("240", rows[11].GetAttribute("data-seconds"));
        var foot = page.QuerySelector("tfoot")!.TextContent;
        Assert.Contains("Run 1 min, walk 4 min, × 6", foot, StringComparison.Ordinal);
        Assert.Contains("30 min in all", foot, StringComparison.Ordinal);
        Assert.Equal($"{manage}?stage=1#back-to-running", page.QuerySelector("a#log-run")!.GetAttribute("href"));
        Assert.Contains("more than 5/10, stop running", page.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#coach[hidden]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/run-coach']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public void The_last_stage_is_one_continuous_run()
    {
        var ladder = factory.Services.GetRequiredService<KneeReset.Web.Content.ContentCatalog>().Ladder.Ladder;

        var intervals = KneeReset.Web.Pages.Coach.RunModel.IntervalsOf(ladder.TopStage);

        Assert.Equal(7, ladder.TopStage.Stage);
        Assert.Equal(("run", 30.0), (Assert.Single(intervals).Kind, intervals[0].Minutes));
    }

    [Fact]
    public async Task While_the_ladder_is_closed_the_coach_says_so_and_links_back_instead_of_coaching()
    {
        using var client = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        using var response = await client.GetAsync(new Uri($"{manage}/run/1", UriKind.Relative));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("stage 1 isn't open", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The walk-run ladder isn't open", page.QuerySelector(".coach-not-open")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{manage}#back-to-running", page.QuerySelector(".coach-not-open a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("tbody .run-interval"));
        Assert.Null(page.QuerySelector("script[src^='/js/run-coach']"));
    }

    [Fact]
    public async Task A_stage_above_the_open_one_is_refused_with_the_stage_to_run()
    {
        using var client = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        await RunningLadder.OpenAsync(client, RunnerResults.TokenOf(manage), Today);

        var above = await client.GetPageAsync($"{manage}/run/3");
        var open = await client.GetPageAsync($"{manage}/run/1");

        Assert.Contains("Stage 3 isn't open yet: stage 1 is the one to run now.", above.QuerySelector(".coach-not-open")!.TextContent, StringComparison.Ordinal);
        Assert.Null(open.QuerySelector(".coach-not-open"));
        Assert.Equal(12, open.QuerySelectorAll("tbody .run-interval").Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("-1")]
    [InlineData("two")]
    public async Task A_stage_outside_the_ladder_is_not_found(string stage)
    {
        using var client = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        using var response = await client.GetAsync(new Uri($"{manage}/run/{stage}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_private_link_opens_the_coach_not_the_share_link_or_an_unknown_one()
    {
        using var client = factory.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(client);

        using var shared = await client.GetAsync(new Uri($"/m/{RunnerResults.TokenOf(share)}/run/1", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/m/not-a-real-token/run/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, shared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
