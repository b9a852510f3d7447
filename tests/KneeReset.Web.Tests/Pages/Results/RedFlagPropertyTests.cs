using System.Text.Json.Nodes;
using CsCheck;
using KneeReset.Core.Tests;

namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>Red flags always win over routines, on the page a runner reads, for generated cases.</summary>
public class RedFlagPropertyTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly string[] UrgentFlags = ["rapid_swelling", "cannot_bear_weight", "hot_red_swollen", "fever_unwell", "calf_pain_swelling"];
    private static readonly string[] OtherFlags = ["felt_pop", "locking", "giving_way", "numbness_tingling", "night_pain", "limping", "persists_despite_rest"];

    /// <summary>Any public vignette with at least one urgent red flag added, and maybe some other flags.</summary>
    private static readonly Gen<JsonObject> UrgentCases =
        Gen.Select(Gen.OneOf(Vignettes.All.Select(v => v.Id).ToArray()), Gen.OneOf(UrgentFlags), Gen.Bool.Array[OtherFlags.Length], (id, urgent, others) =>
        {
            var answers = Vignettes.Find(id).Answers;
            var flags = answers["red_flags"]!.AsArray().Select(f => (string)f!).Append(urgent).Concat(OtherFlags.Where((_, i) => others[i])).Distinct();
            answers["red_flags"] = new JsonArray(flags.Select(f => (JsonNode)f).ToArray());
            return answers;
        });

    [Fact]
    public async Task An_urgent_result_page_never_shows_a_routine_or_exercise_advice()
    {
        using var client = factory.CreateBrowser();

        await UrgentCases.SampleAsync(async answers =>
        {
            var created = await client.CreateAssessmentAsync(answers);
            Assert.Equal("urgent", (string?)created["triage"]);
            Assert.Empty(created["routines"]!.AsArray());
            var page = await client.GetPageAsync($"/r/{ApiClient.TokenOf(created)}");
            Assert.NotNull(page.QuerySelector(".banner-urgent"));
            Assert.Null(page.QuerySelector("a[href^='/routines/']"));
            Assert.Null(page.QuerySelector("section.causes"));
            Assert.DoesNotContain("What helps", page.QuerySelector("article.result")!.TextContent, StringComparison.Ordinal);
        }, iter: PropertyIterations.Or(60), threads: 1, print: a => a.ToJsonString());
    }
}
