using System.Net;
using KneeReset.Web.Areas.Staff.Accounts;

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

        await LogAsync(runner, manage, during: 1, morning: 1);
        var progressing = (await runner.GetPageAsync(manage)).QuerySelector(".plan .progression")!;
        Assert.Contains("progression-progress", progressing.ClassName, StringComparison.Ordinal);
        Assert.Contains("Step up", progressing.TextContent, StringComparison.Ordinal);
        Assert.Contains("Single-leg", progressing.TextContent, StringComparison.Ordinal); // the harder variation of a glute bridge

        await LogAsync(runner, manage, during: 7, morning: null);
        var page = await runner.GetPageAsync(manage);
        var backing = page.QuerySelector(".plan .progression")!;
        Assert.Contains("Step back", backing.TextContent, StringComparison.Ordinal);
        Assert.Contains("7/10", backing.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("svg.history-chart rect.session").Length);
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

    private static async Task LogAsync(HttpClient client, string manage, int during, int? morning, int usual = 1)
    {
        var fields = new List<(string, string)>
        {
            ("Input.PainUsual", usual.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.PainDuring", during.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Feeling", "about_right"),
        };
        if (morning is { } m)
        {
            fields.Add(("Input.PainNextMorning", m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        using var response = await client.SubmitAsync($"{manage}/play/hip-and-glute-strength", null, [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
