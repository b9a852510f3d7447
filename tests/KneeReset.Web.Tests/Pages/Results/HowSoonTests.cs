using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KneeReset.Core.Rules;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>How soon a clinician should see the knee, on the runner's result and in the clinician's view.</summary>
public partial class HowSoonTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private RuleSet Rules => app.Services.GetRequiredService<ContentCatalog>().Rules.RuleSet;

    private static JsonObject Kneecap(Action<JsonObject> change)
    {
        var answers = RunnerResults.KneecapAnswers();
        change(answers);
        return answers;
    }

    /// <summary>Severe pain (8/10 or more) without an injury: an examination within 48 hours.</summary>
    private static JsonObject SeverePain() => Kneecap(a => a["worst_pain"] = 9);

    [Fact]
    public async Task A_see_a_clinician_result_says_how_soon_in_plain_words()
    {
        using var runner = app.CreateBrowser();
        var (soon, _) = await RunnerResults.CreateAsync(runner, SeverePain());
        var (later, _) = await RunnerResults.CreateAsync(runner, Kneecap(a => a["red_flags"] = new JsonArray("giving_way")));

        var soonBanner = (await runner.GetPageAsync(soon)).QuerySelector(".banner-clinician .how-soon")!.TextContent;
        var laterBanner = (await runner.GetPageAsync(later)).QuerySelector(".banner-clinician .how-soon")!.TextContent;

        Assert.Contains(Rules.Words(TimeFrame.WithinTwoDays), soonBanner, StringComparison.Ordinal);
        Assert.Contains(Rules.Words(TimeFrame.WithinTwoWeeks), laterBanner, StringComparison.Ordinal);
        Assert.Contains("this week", laterBanner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_urgent_result_is_told_today_and_a_self_care_result_has_no_time_frame()
    {
        using var runner = app.CreateBrowser();
        var (urgent, _) = await RunnerResults.CreateAsync(runner, Kneecap(a => a["red_flags"] = new JsonArray("calf_pain_swelling")));
        var (selfCare, _) = await RunnerResults.CreateAsync(runner);

        var urgentPage = await runner.GetPageAsync(urgent);
        var plain = await runner.GetPageAsync(selfCare);

        Assert.Contains(Rules.Words(TimeFrame.Today), urgentPage.QuerySelector(".banner-urgent .how-soon")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(plain.QuerySelector(".banner-selfcare"));
        Assert.Null(plain.QuerySelector(".how-soon"));
    }

    [Fact]
    public async Task A_limping_child_is_told_today_and_to_keep_weight_off_the_leg_with_no_exercises()
    {
        using var runner = app.CreateBrowser();
        var (child, _) = await RunnerResults.CreateAsync(runner, Kneecap(a =>
        {
            a["age"] = 12;
            a["location"] = new JsonArray("whole_knee");
            a["red_flags"] = new JsonArray("limping");
        }));

        var page = await runner.GetPageAsync(child);

        var banner = page.QuerySelector(".banner-urgent")!;
        Assert.Contains(Rules.Words(TimeFrame.Today), banner.QuerySelector(".how-soon")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("weight off the leg", banner.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".routine-list > li"));
    }

    [Fact]
    public async Task A_clinician_reads_the_time_frame_of_the_result_and_of_each_rule()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner, Kneecap(a =>
        {
            a["worst_pain"] = 9;
            a["red_flags"] = new JsonArray("giving_way");
        }));
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var clinical = (await clinician.GetPageAsync(share)).QuerySelector(".clinical")!;

        Assert.Contains("within 48 hours", clinical.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        var reasons = clinical.QuerySelectorAll(".triage-reasons li").Select(li => li.TextContent).ToList();
        Assert.Contains(reasons, r => r.Contains("within 48 hours", StringComparison.Ordinal) && r.Contains("Severe pain", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("within 1–2 weeks", StringComparison.Ordinal) && r.Contains("Locking or giving way", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_result_stored_before_time_frames_reads_as_it_did_then()
    {
        using var runner = app.CreateBrowser();
        var created = await runner.CreateAssessmentAsync(SeverePain());
        var token = ApiClient.TokenOf(created);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var stored = await db.Assessments.SingleAsync(a => a.Token == token);
            stored.ResultJson = StoredTimeFrame().Replace(stored.ResultJson, "");
            await db.SaveChangesAsync();
        }

        var page = await runner.GetPageAsync($"/r/{token}");
        var api = await runner.GetAssessmentAsync(token);

        // Then every see-a-clinician result said "a week or two"; the page doesn't invent a faster one.
        Assert.Contains(Rules.Words(TimeFrame.WithinTwoWeeks), page.QuerySelector(".banner-clinician .how-soon")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("within_two_weeks", (string?)api["timeFrame"]);
    }

    [Fact]
    public async Task Every_result_lists_the_signs_that_end_self_care_each_with_its_rules_time_frame()
    {
        using var runner = app.CreateBrowser();
        var (selfCare, _) = await RunnerResults.CreateAsync(runner);

        var signs = (await runner.GetPageAsync(selfCare)).QuerySelectorAll(".not-a-diagnosis .watch-for li").Select(li => li.TextContent).ToList();

        Assert.Equal(Rules.WatchFor.Count, signs.Count);
        Assert.Contains(signs, s => s.Contains("won't straighten", StringComparison.Ordinal) && s.Contains("within 48 hours", StringComparison.Ordinal));
        Assert.Contains(signs, s => s.Contains("gives way", StringComparison.Ordinal) && s.Contains("within 1–2 weeks", StringComparison.Ordinal));
        Assert.Contains(signs, s => s.Contains("swells up", StringComparison.Ordinal) && s.Contains("today", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pain_free_runner_reads_prevention_and_no_cause()
    {
        using var runner = app.CreateBrowser();
        var (painFree, _) = await RunnerResults.CreateAsync(runner, Kneecap(a => a["worst_pain"] = 0));

        var page = await runner.GetPageAsync(painFree);

        Assert.Contains("no knee pain", page.QuerySelector(".banner-selfcare")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".cause-list > li"));
        Assert.Null(page.QuerySelector(".causes .unlikely"));
        Assert.NotNull(page.QuerySelector(".prevention"));
        var api = await runner.CreateAssessmentAsync(Kneecap(a => a["worst_pain"] = 0));
        Assert.True((bool)api["prevention"]!);
        Assert.Null((string?)api["topCause"]);
        Assert.All(api["causes"]!.AsArray(), c => Assert.Equal("unlikely", (string?)c!["band"]));
    }

    [Fact]
    public async Task A_teenager_with_night_pain_is_told_no_overuse_cause()
    {
        using var runner = app.CreateBrowser();
        var (teen, _) = await RunnerResults.CreateAsync(runner, Kneecap(a =>
        {
            a["age"] = 15;
            a["red_flags"] = new JsonArray("night_pain");
        }));

        var page = await runner.GetPageAsync(teen);

        Assert.Contains("rule out other causes first", page.QuerySelector("section.causes")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".cause-list > li"));
        Assert.Null(page.QuerySelector(".causes .unlikely"));
    }

    [GeneratedRegex("""(?<=[,{])"timeFrame":"[a-z_]+",?""")]
    private static partial Regex StoredTimeFrame();
}
