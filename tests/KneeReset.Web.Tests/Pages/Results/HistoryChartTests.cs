using System.Globalization;
using System.Net;
using KneeReset.Web.Pages.Results;

namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>The history chart plots what its axis says (pain, 0 to 10), and the table names bands, not raw scores.</summary>
public class HistoryChartTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_chart_plots_pain_on_its_0_to_10_axis_and_the_table_names_each_causes_band()
    {
        using var client = app.CreateBrowser();
        var (_, firstManage) = await RunnerResults.CreateAsync(client);
        using (var logged = await client.SubmitAsync($"{firstManage}/play/hip-and-glute-strength", null,
            ("Input.PainUsual", "1"), ("Input.PainDuring", "3"), ("Input.Feeling", "about_right")))
        {
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromDays(7));
        using var retake = await RunnerResults.PostFormAsync(client, firstManage, "Retake");
        var draft = Browser.AssertRedirect(retake).Split('/')[2];
        using (await client.SubmitAsync($"/assess/{draft}/pain", "next", ("q.worst_pain", "2")))
        {
        }
        using var finish = await client.SubmitAsync($"/assess/{draft}/review", null);
        var page = await client.GetPageAsync(Browser.AssertRedirect(finish));

        var chart = page.QuerySelector("svg.history-chart")!;
        Assert.Contains(HistoryChart.AxisLabel, chart.TextContent, StringComparison.Ordinal);
        Assert.Equal(["0", "2", "4", "6", "8", "10"], chart.QuerySelectorAll("text.tick").Select(t => t.TextContent).Where(t => t.Length <= 2));
        // The end dates are UTC moments the page's local-time script shows in the viewer's zone.
        var ends = chart.QuerySelectorAll("text[data-local='date']").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, CultureInfo.InvariantCulture)).ToList();
        // The test's clock also runs in real time between the checks; the attribute has whole seconds.
        Assert.InRange(ends[1] - ends[0], TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        // One line only (pain): the causes' scores, which are not on a 0-10 scale, are not drawn.
        Assert.Single(chart.QuerySelectorAll("polyline"));
        double YOf(double pain) => HistoryChart.Top + ((HistoryChart.Height - HistoryChart.Top - HistoryChart.Bottom) * (1 - (pain / 10)));
        double Attr(AngleSharp.Dom.IElement e, string name) => double.Parse(e.GetAttribute(name)!, CultureInfo.InvariantCulture);
        Assert.Equal([YOf(4), YOf(2)], chart.QuerySelectorAll("circle").Select(c => Attr(c, "cy")));
        var session = chart.QuerySelector("rect.session")!;
        Assert.Equal(YOf(3), Attr(session, "y") + (Attr(session, "height") / 2));

        var checks = page.QuerySelectorAll(".history-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(["2", "4"], checks.Select(r => r[1])); // the latest check first
        Assert.All(checks, r => Assert.Matches("^[^0-9]*: (likely|possible)", r[2]));
        Assert.Contains("Pain during (0–10)", page.QuerySelector(".session-table thead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", page.QuerySelector(".session-table tbody td:nth-child(3)")!.TextContent);
    }

    [Fact]
    public async Task Two_checks_on_one_day_show_that_date_once_not_at_both_ends()
    {
        using var client = app.CreateBrowser();
        var (_, firstManage) = await RunnerResults.CreateAsync(client);
        using var retake = await RunnerResults.PostFormAsync(client, firstManage, "Retake");
        var draft = Browser.AssertRedirect(retake).Split('/')[2];
        using var finish = await client.SubmitAsync($"/assess/{draft}/review", null);
        var page = await client.GetPageAsync(Browser.AssertRedirect(finish));

        var chart = page.QuerySelector("svg.history-chart")!;
        Assert.Equal(2, chart.QuerySelectorAll("circle").Length);
        Assert.Single(chart.QuerySelectorAll("text[data-local='date']"));
    }

    [Fact]
    public async Task A_check_on_the_urgent_route_has_no_pain_score_and_no_point_at_zero()
    {
        using var client = app.CreateBrowser();
        var (_, firstManage) = await RunnerResults.CreateAsync(client);
        app.Clock.Advance(TimeSpan.FromDays(7));
        using var retake = await RunnerResults.PostFormAsync(client, firstManage, "Retake");
        var draft = Browser.AssertRedirect(retake).Split('/')[2];
        using (await client.SubmitAsync($"/assess/{draft}/safety", "next", ("q.onset", "sudden_injury"), ("q.red_flags", "cannot_bear_weight")))
        {
        }
        using var finish = await client.SubmitAsync($"/assess/{draft}/review", null);
        var page = await client.GetPageAsync(Browser.AssertRedirect(finish));

        var chart = page.QuerySelector("svg.history-chart")!;
        Assert.Single(chart.QuerySelectorAll("circle"));
        var checks = page.QuerySelectorAll(".history-table tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(["not asked", "4"], checks); // the latest check first
    }
}
