using System.Text.Json.Nodes;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>The clinical view names red flags, rules, levels and bands in words from content, not codes.</summary>
public class ClinicalWordingTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Red_flags_read_as_the_questions_labels_and_each_triage_reason_links_to_its_rule()
    {
        using var runner = app.CreateBrowser();
        var answers = RunnerResults.KneecapAnswers();
        answers["red_flags"] = new JsonArray("locking", "night_pain");
        var (share, _) = await RunnerResults.CreateAsync(runner, answers);
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var clinical = (await clinician.GetPageAsync(share)).QuerySelector(".clinical")!;

        var flags = clinical.QuerySelector(".red-flags")!.TextContent;
        Assert.Contains("The knee sometimes catches or gets stuck, then frees up again", flags, StringComparison.Ordinal);
        Assert.Contains("Pain that wakes me at night", flags, StringComparison.Ordinal);
        Assert.DoesNotContain("night_pain", flags, StringComparison.Ordinal);
        var link = clinical.QuerySelector(".triage-reasons a[href='/how-it-reasons#triage-locking_or_giving_way']")!;
        Assert.Equal("Locking or giving way", link.TextContent);
        Assert.All(clinical.QuerySelectorAll(".triage-reasons li"), li => Assert.DoesNotMatch("[a-z]+_[a-z_]+", li.TextContent));
        // The link lands on the rule's own row.
        var reasoning = await clinician.GetPageAsync("/how-it-reasons");
        Assert.Contains("Locking or giving way", reasoning.GetElementById("triage-locking_or_giving_way")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_care_result_links_to_the_triage_section_and_names_levels_and_bands_from_content()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        var words = app.Services.GetRequiredService<ContentCatalog>().Words;

        var clinical = (await clinician.GetPageAsync(share)).QuerySelector(".clinical")!;

        var link = clinical.QuerySelector(".triage-reasons a[href='/how-it-reasons#triage-title']")!;
        Assert.Equal(words.TriageRules[RuleWords.NoRuleHeld], link.TextContent);
        Assert.Equal(words.Triage["self_care"], clinical.QuerySelector(".meta strong")!.TextContent);
        var bands = clinical.QuerySelectorAll("table.staff-table")[1].QuerySelectorAll("tbody tr").Select(r => r.Children[2].TextContent);
        Assert.All(bands, b => Assert.Contains(b, words.Bands.Values));
        Assert.DoesNotContain("self_care", clinical.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_who_chose_miles_has_distances_in_miles_with_km_beside()
    {
        using var runner = app.CreateBrowser();
        var answers = Vignettes.Find("pub-01").Answers;
        answers.Remove("weekly_km_month_ago");
        answers["weekly_km_now"] = 10;
        var (_, review) = await Wizard.AnswerAllAsync(runner, answers, new Dictionary<string, (string, string)[]> { ["training"] = [("unit", "miles")] });
        var share = await Wizard.FinishAsync(runner, review);
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var clinical = (await clinician.GetPageAsync(share)).QuerySelector(".clinical")!;

        var load = clinical.QuerySelectorAll("table.staff-table")[0].TextContent;
        Assert.Contains("10 miles (16.1 km)", load, StringComparison.Ordinal);
        var answer = clinical.QuerySelectorAll("table.answers tbody tr").Single(r => r.TextContent.Contains("(weekly_km_now)", StringComparison.Ordinal));
        Assert.Contains("10 miles (16.1 km)", answer.Children[1].TextContent, StringComparison.Ordinal);
    }
}
