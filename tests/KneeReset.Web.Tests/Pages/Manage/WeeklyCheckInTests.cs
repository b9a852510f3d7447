using System.Net;
using KneeReset.Core.Outcomes;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>The weekly check-in on the runner's private page: due, saved, replaced within a week, charted, and read by the clinician.</summary>
public class WeeklyCheckInTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private string ThisWeek => IsoWeek.Of(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)).ToString();

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient client, string manage, string pain, params (string Name, string Score)[] activities)
    {
        return Form().ContinueWith(async form =>
        {
            var f = (await form).Set("checkIn.WorstPain", pain);
            for (var i = 0; i < 3; i++)
            {
                f.Set($"checkIn.Activities[{i}].Name", i < activities.Length ? activities[i].Name : "");
                f.Set($"checkIn.Activities[{i}].Score", i < activities.Length ? activities[i].Score : "");
            }
            return await f.SubmitAsync();
        }).Unwrap();

        Task<HtmlForm> Form() => HtmlForm.OpenAsync(client, manage, "form.check-in-form");
    }

    private static string[][] Rows(AngleSharp.Html.Dom.IHtmlDocument page, string scope = "") =>
        [.. page.QuerySelectorAll($"{scope} table.weekly-table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task A_check_in_is_due_then_saved_charted_and_no_longer_due_this_week()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        var before = await client.GetPageAsync(manage);
        Assert.Contains("Due this week", before.QuerySelector(".check-in-due")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(before.QuerySelector(".today .check-in-reminder a[href='#weekly-check-in']"));
        Assert.Null(before.QuerySelector("svg.weekly-chart"));

        using var saved = await CheckInAsync(client, manage, "6", ("running 5 km", "2"), ("going down stairs", "5"));
        var after = await client.GetPageAsync(Browser.AssertRedirect(saved));

        Assert.Contains("This week's check-in is saved.", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Done for this week", after.QuerySelector(".check-in-due")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(".check-in-reminder"));
        var row = Assert.Single(Rows(after));
        Assert.StartsWith(ThisWeek, row[0], StringComparison.Ordinal);
        Assert.Equal(["6", "3.5", "running 5 km: 2; going down stairs: 5"], row[1..]);
        var chart = after.QuerySelector("svg.weekly-chart")!;
        Assert.Single(chart.QuerySelectorAll("circle"));
        Assert.Contains($"{ThisWeek}: PSFS 3.5/10", chart.QuerySelector("rect title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_check_in_the_same_week_replaces_the_first_and_next_week_starts_from_the_same_activities()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        (await CheckInAsync(client, manage, "7", ("running", "1"))).Dispose();
        using var again = await CheckInAsync(client, manage, "6", ("running", "2"), ("stairs", "4"));
        var replaced = await client.GetPageAsync(Browser.AssertRedirect(again));

        Assert.Contains("replaces the one you saved earlier", replaced.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["6", "3"], Assert.Single(Rows(replaced))[1..3]);

        app.Clock.Advance(TimeSpan.FromDays(7));
        var form = await HtmlForm.OpenAsync(client, manage, "form.check-in-form");
        Assert.Equal("running", form.Value("checkIn.Activities[0].Name"));
        Assert.Equal("stairs", form.Value("checkIn.Activities[1].Name"));
        Assert.True(string.IsNullOrEmpty(form.Value("checkIn.Activities[0].Score")));
        Assert.True(string.IsNullOrEmpty(form.Value("checkIn.WorstPain")));
        Assert.Contains("Due this week", form.Page.QuerySelector(".check-in-due")!.TextContent, StringComparison.Ordinal);

        using var next = await CheckInAsync(client, manage, "4", ("running", "5"), ("stairs", "5"));
        var week2 = await client.GetPageAsync(Browser.AssertRedirect(next));

        Assert.Equal(2, Rows(week2).Length);
        var trend = week2.QuerySelectorAll(".weekly-trend").Select(p => p.TextContent).ToList();
        Assert.Contains(trend, t => t.StartsWith("Worst pain: -2 points", StringComparison.Ordinal) && t.Contains("better", StringComparison.Ordinal));
        Assert.Contains(trend, t => t.StartsWith("PSFS: +2 points", StringComparison.Ordinal) && t.Contains("better", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_comes_back_with_a_validation_summary_and_stores_nothing()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        using var bad = await CheckInAsync(client, manage, "11", ("", "4"), ("stairs", "12"));
        var page = await Browser.ParseAsync(bad);
        using var empty = await CheckInAsync(client, manage, "");
        var noPain = await Browser.ParseAsync(empty);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Contains("Choose your worst knee pain this week, 0 to 10.", errors);
        Assert.Contains("Activity 1: say what the activity is, or clear its rating.", errors);
        Assert.Contains("Activity 2: rate it from 0 (can't do it) to 10 (as before).", errors);
        Assert.Equal("stairs", HtmlForm.Of(client, manage, page, "form.check-in-form").Value("checkIn.Activities[1].Name"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose your worst knee pain this week, 0 to 10.", noPain.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(Rows(await client.GetPageAsync(manage)));
    }

    [Fact]
    public async Task The_clinician_sees_the_weekly_scores_and_chart_on_the_shared_page()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        var none = await clinician.GetPageAsync(share);
        Assert.Contains("No weekly check-in yet", none.QuerySelector(".clinical")!.TextContent, StringComparison.Ordinal);

        (await CheckInAsync(runner, manage, "5", ("running", "3"))).Dispose();
        var clinical = await clinician.GetPageAsync(share);

        var row = Assert.Single(Rows(clinical, ".clinical"));
        Assert.Equal(["5", "3", "running: 3"], row[1..]);
        Assert.NotNull(clinical.QuerySelector(".clinical svg.weekly-chart"));
        Assert.Null(clinical.QuerySelector("form.check-in-form"));
    }

    [Fact]
    public async Task The_check_in_page_is_found_by_the_private_link_only()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);

        using var mine = await client.GetAsync(new Uri($"{manage}/check-in", UriKind.Relative));
        using var shared = await client.GetAsync(new Uri($"/m/{RunnerResults.TokenOf(share)}/check-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shared.StatusCode);
    }
}
