using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests.Api;

/// <summary>
/// The published acceptance vignettes (Data/vignettes.json, semantics in
/// acceptance/vignettes.md) through POST /api/assessments and back through GET.
/// </summary>
public class VignetteTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    public static TheoryData<string> VignetteIds => new(Vignettes.All.Select(v => v.Id));

    [Theory]
    [MemberData(nameof(VignetteIds))]
    public async Task Vignette_gets_the_expected_triage_causes_and_routines(string id)
    {
        var vignette = Vignettes.Get(id);
        using var client = factory.CreateBrowser();

        var created = await client.CreateAssessmentAsync(vignette.Answers);

        AssertOutcome(vignette, created);
        var fetched = await client.GetAssessmentAsync(ApiClient.TokenOf(created));
        Assert.Equal((string?)created["triage"], (string?)fetched["triage"]);
        Assert.Equal((string?)created["topCause"], (string?)fetched["topCause"]);
    }

    private static void AssertOutcome(Vignette vignette, JsonObject result)
    {
        Assert.Equal(vignette.Triage, (string?)result["triage"]);

        var topCause = (string?)result["topCause"];
        switch (vignette.TopCause)
        {
            case "none":
                Assert.Null(topCause);
                break;
            case "any":
                break;
            default:
                Assert.Equal(vignette.TopCause, topCause);
                break;
        }

        var bands = result["causes"]!.AsArray().ToDictionary(c => (string)c!["cause"]!, c => (string)c!["band"]!);
        foreach (var cause in vignette.Also)
        {
            Assert.True(bands.TryGetValue(cause, out var band) && band is "likely" or "possible",
                $"{cause} should be likely or possible; bands: {string.Join(", ", bands.Select(b => $"{b.Key}={b.Value}"))}");
        }

        var routines = result["routines"]!.AsArray();
        var targets = routines.SelectMany(r => r!["targets"]!.AsArray().Select(t => (string)t!)).ToHashSet();
        foreach (var word in vignette.RoutinesTarget)
        {
            Assert.True(targets.Contains(word), $"The routines' targets [{string.Join(", ", targets)}] lack '{word}'.");
        }

        if (vignette.Triage == "urgent")
        {
            Assert.Empty(routines);
        }
        if (vignette.Triage == "see_clinician")
        {
            Assert.DoesNotContain("strength", targets);
            Assert.DoesNotContain("eccentric", targets);
        }
    }
}
