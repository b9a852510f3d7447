using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.FollowUp;

/// <summary>Re-taking the check, the history chart and pain-guided progression.</summary>
public class FollowUpTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Retaking_links_results_into_a_history_that_charts_in_date_order()
    {
        using var client = app.CreateBrowser();
        var (_, firstManage) = await RunnerResults.CreateAsync(client);

        // Re-take a week later: the draft starts with the last answers; the pain has eased.
        app.Clock.Advance(TimeSpan.FromDays(7));
        using var retake = await RunnerResults.PostFormAsync(client, firstManage, "Retake");
        var step = Browser.AssertRedirect(retake);
        var draft = step.Split('/')[2];
        var pain = await client.GetPageAsync($"/assess/{draft}/pain");
        Assert.True(pain.QuerySelector("input[name='q.worst_pain'][value='4']")!.HasAttribute("checked"));
        using (var changed = await client.SubmitAsync($"/assess/{draft}/pain", "next", ("q.worst_pain", "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }
        using var finish = await client.SubmitAsync($"/assess/{draft}/review", null);
        var secondManage = Browser.AssertRedirect(finish);
        Assert.NotEqual(firstManage, secondManage);

        var page = await client.GetPageAsync(secondManage);
        var chart = page.QuerySelector("svg.history-chart")!;
        var painLine = chart.QuerySelectorAll("polyline")[0].GetAttribute("points")!.Split(' ')
            .Select(p => p.Split(',').Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(2, painLine.Count);
        Assert.True(painLine[0][0] < painLine[1][0], "older assessment is drawn first (left)");
        Assert.True(painLine[0][1] < painLine[1][1], "pain fell from 4 to 2, so the line goes down (SVG y grows downwards)");
        var rows = page.QuerySelectorAll(".history-table tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(["2", "4"], rows); // the latest check first (issue 25)
    }

    [Fact]
    public async Task Sessions_logged_from_the_result_show_on_the_chart_and_drive_progression()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.Dosage[hip-and-glute-strength]", "2 x 10"));

        await LogAsync(runner, manage, during: 1, morning: 1, daysAgo: 7);
        Assert.Contains("progression-hold", (await runner.GetPageAsync(manage)).QuerySelector(".plan .progression")!.ClassName, StringComparison.Ordinal);
        await LogAsync(runner, manage, during: 1, morning: 1);
        var progressing = (await runner.GetPageAsync(manage)).QuerySelector(".plan .progression")!;
        Assert.Contains("progression-progress", progressing.ClassName, StringComparison.Ordinal);
        Assert.Contains("Step up", progressing.TextContent, StringComparison.Ordinal);
        Assert.Contains("Single-leg", progressing.TextContent, StringComparison.Ordinal); // the harder variation of a glute bridge

        await LogAsync(runner, manage, during: 6, morning: null);
        var page = await runner.GetPageAsync(manage);
        var backing = page.QuerySelector(".plan .progression")!;
        Assert.Contains("Step back", backing.TextContent, StringComparison.Ordinal);
        Assert.Contains("6/10", backing.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("svg.history-chart rect.session").Length);
    }

    [Fact]
    public async Task A_session_that_hurts_too_much_stops_the_routines_on_the_runners_page_and_the_share_link()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);

        await LogAsync(runner, manage, during: 8, morning: null);

        var own = await runner.GetPageAsync(manage);
        var banner = own.QuerySelector(".banner.escalation")!.TextContent;
        Assert.Contains("Stop the routines and see a clinician", banner, StringComparison.Ordinal);
        Assert.Contains("Within 48 hours", banner, StringComparison.Ordinal);
        Assert.Empty(own.QuerySelectorAll(".today .due-today li"));
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        Assert.NotNull((await clinician.GetPageAsync(share)).QuerySelector(".banner.escalation"));
    }

    [Fact]
    public async Task Yesterdays_session_waits_for_its_morning_on_the_runners_page_and_takes_it_there()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        await LogAsync(runner, manage, during: 2, morning: null, daysAgo: 1);

        var page = await runner.GetPageAsync(manage);
        var form = page.QuerySelector(".today form.morning-form")!;
        Assert.NotNull(page.QuerySelector(".session-table a[href*='/sessions/']"));
        using var saved = await runner.SubmitAsync(page, form.GetAttribute("action")!, null, ("painNextMorning", "1"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await runner.GetPageAsync(manage);
        Assert.Null(after.QuerySelector(".today form.morning-form"));
        Assert.Equal("1", after.QuerySelector(".session-table tbody tr td:nth-child(4)")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pain_building_over_the_last_sessions_steps_back_though_each_session_was_acceptable()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);

        await LogAsync(runner, manage, during: 1, morning: 1);
        await LogAsync(runner, manage, during: 3, morning: 1);
        await LogAsync(runner, manage, during: 4, morning: 1);

        var advice = (await runner.GetPageAsync(manage)).QuerySelector(".history .progressions li")!.TextContent;
        Assert.Contains("Step back", advice, StringComparison.Ordinal);
        Assert.Contains("1/10, then 3/10, then 4/10", advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_private_player_starts_from_the_usual_pain_given_last_time()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        await LogAsync(runner, manage, during: 1, morning: null, usual: 3);

        var player = await runner.GetPageAsync($"{manage}/play/hip-and-glute-strength");

        Assert.True(player.QuerySelector("input[name='Input.PainUsual'][value='3']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task A_tendon_case_is_never_stepped_up_into_skips_nor_told_to_skip_while_a_kneecap_case_is()
    {
        using var runner = app.CreateBrowser();
        var (_, tendon) = await RunnerResults.CreateAsync(runner, Vignettes.Find("pub-03").Answers);
        var (_, kneecap) = await RunnerResults.CreateAsync(runner);

        foreach (var manage in new[] { tendon, kneecap })
        {
            // Two comfortable sessions a week apart: the pain model's least for stepping up.
            await LogAsync(runner, manage, during: 1, morning: 1, daysAgo: 7, routine: "dynamic-warm-up");
            await LogAsync(runner, manage, during: 1, morning: 1, routine: "dynamic-warm-up");
        }
        var tendonPage = await runner.GetPageAsync(tendon);
        var kneecapPage = await runner.GetPageAsync(kneecap);

        Assert.Contains("Step up", tendonPage.QuerySelector(".history .progressions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("A-skip", tendonPage.QuerySelector(".history .progressions")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("skips", tendonPage.QuerySelector("section.prevention")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A-march → A-skip", kneecapPage.QuerySelector(".history .progressions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("skips", kneecapPage.QuerySelector("section.prevention")!.TextContent, StringComparison.Ordinal);
    }

    /// <param name="daysAgo">Counted from the app's clock, which a test in this class moves on a week.</param>
    private async Task LogAsync(HttpClient client, string manage, int during, int? morning, int usual = 1, int daysAgo = 0, string routine = "hip-and-glute-strength")
    {
        var fields = new List<(string, string)>
        {
            ("Input.On", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.PainUsual", usual.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.PainDuring", during.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Feeling", "about_right"),
        };
        if (morning is { } m)
        {
            fields.Add(("Input.PainNextMorning", m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        using var response = await client.SubmitAsync($"{manage}/play/{routine}", null, [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
