using System.Net;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>"Back to running" on the runner's private page: what is missing, the stage, logging runs, mornings and self-tests without JavaScript.</summary>
public class BackToRunningTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_closed_ladder_lists_what_is_missing_and_a_self_test_is_saved_with_a_confirmation_shown_once()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        var page = await client.GetPageAsync(manage);
        var section = page.QuerySelector("section.back-to-running")!;
        Assert.Contains("Back to running", section.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, section.QuerySelectorAll(".running-missing li").Length);
        Assert.Null(section.QuerySelector("form[action*='handler=Run']"));

        using var saved = await RunnerResults.PostFormAsync(client, manage, "SelfTest",
            ("selfTest.Test", "single_leg_hop_10"), ("selfTest.Passed", "true"), ("selfTest.Pain", "1"));
        var location = Browser.AssertRedirect(saved);
        var first = await client.GetPageAsync(location);
        var again = await client.GetPageAsync(location);

        Assert.StartsWith(manage, location, StringComparison.Ordinal);
        Assert.DoesNotContain("saved", location, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Self-test saved", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Self-test saved", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var missing = again.QuerySelectorAll(".running-missing li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, missing.Count);
        Assert.DoesNotContain(missing, m => m.StartsWith("10 hops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_open_ladder_shows_the_stage_as_a_table_and_logs_a_run_and_its_next_morning()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        await RunningLadder.OpenAsync(client, RunnerResults.TokenOf(manage), Today);

        var page = await client.GetPageAsync(manage);
        var cells = page.QuerySelectorAll("table.running-stage tbody td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["1", "4", "6", "30"], cells);
        Assert.Contains("0 of 2 counting runs at stage 1", page.QuerySelector(".running-completions")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".running-missing li"));

        using var run = await RunnerResults.PostFormAsync(client, manage, "Run", ("run.Completed", "true"), ("run.PainDuring", "1"), ("run.PainUsual", "1"));
        var after = await client.GetPageAsync(Browser.AssertRedirect(run));
        Assert.Contains("Run saved", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Single(after.QuerySelectorAll("table.running-runs tbody tr"));
        Assert.NotNull(after.QuerySelector("form.running-morning"));

        using var morning = await RunnerResults.PostFormAsync(client, manage, "Morning", ("morning.PainNextMorning", "1"), ("morning.Swelling", "false"));
        var settled = await client.GetPageAsync(Browser.AssertRedirect(morning));
        var row = settled.QuerySelectorAll("table.running-runs tbody td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["1", "yes", "1", "1", "no"], row[1..6]);
        Assert.Contains("counts: 1 of 2", row[6], StringComparison.Ordinal);
        Assert.Null(settled.QuerySelector("form.running-morning"));
    }

    [Fact]
    public async Task An_open_stage_links_to_its_interval_coach_whose_log_link_comes_back_to_the_run_form()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        await RunningLadder.OpenAsync(client, RunnerResults.TokenOf(manage), Today);

        var page = await client.GetPageAsync(manage);
        var coach = page.QuerySelectorAll("#back-to-running a").Select(a => a.GetAttribute("href")).Single(h => h!.Contains("/run/", StringComparison.Ordinal));
        Assert.Equal($"{manage}/run/1", coach);
        var coachPage = await client.GetPageAsync(coach!);
        var back = coachPage.QuerySelector("#log-run")!.GetAttribute("href")!;
        Assert.Equal($"{manage}?stage=1#back-to-running", back);

        var logged = await client.GetPageAsync(back.Split('#')[0]);
        Assert.NotNull(logged.QuerySelector("#back-to-running form[action*='handler=Run']"));
    }

    [Fact]
    public async Task Bad_input_comes_back_with_a_validation_summary_and_stores_nothing()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var token = RunnerResults.TokenOf(manage);
        await RunningLadder.OpenAsync(client, token, Today);

        var form = await HtmlForm.OpenAsync(client, manage, "form[action*='handler=Run']");
        using var bad = await form.Set("run.PainDuring", "11").Set("run.On", RunningLadder.Day(Today, -3)).SubmitAsync();
        var page = await Browser.ParseAsync(bad);
        var form2 = await HtmlForm.OpenAsync(client, manage, "form[action*='handler=Run']");
        using var notOpen = await form2.Set("run.Stage", "3").Set("run.Completed", "true").Set("run.PainDuring", "1").SubmitAsync();
        var refused = await Browser.ParseAsync(notOpen);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Contains("Pain is a number from 0 to 10.", errors);
        Assert.Contains("Say whether you finished the run or stopped early.", errors);
        Assert.Contains(errors, e => e.Contains("hasn't come yet", StringComparison.Ordinal));
        Assert.Contains("Stage 3 isn't open", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refused.QuerySelector("table.running-stage"));
        Assert.Equal("start", (string)(await RunningLadder.StateAsync(client, token))["advice"]!["action"]!);
    }

    [Fact]
    public async Task The_running_page_is_found_by_the_private_link_only()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);

        using var mine = await client.GetAsync(new Uri($"{manage}/running", UriKind.Relative));
        using var shared = await client.GetAsync(new Uri($"/m/{RunnerResults.TokenOf(share)}/running", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shared.StatusCode);
    }
}
