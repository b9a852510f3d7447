using System.Text.Json.Nodes;
using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

/// <summary>The public acceptance vignettes through the rules alone (routines are checked through the API in the web tests).</summary>
public class VignetteTests
{
    public static TheoryData<string> Ids() =>
        new(Vignettes().Select(v => v["id"]!.GetValue<string>()));

    private static IEnumerable<JsonNode> Vignettes() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Acceptance", "vignettes.json")))!.AsArray()!.Select(v => v!);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Vignette_produces_its_expected_triage_and_top_cause(string id)
    {
        var vignette = Vignettes().Single(v => v["id"]!.GetValue<string>() == id);
        var facts = vignette["facts"]!.AsObject().DeepClone().AsObject();
        if (facts["self_checks"] is JsonObject checks)
        {
            facts.Remove("self_checks");
            foreach (var (key, value) in checks)
            {
                facts[key] = value!.DeepClone();
            }
        }
        var result = TestContent.Evaluate(facts.ToJsonString());
        var expected = vignette["expected"]!;

        Assert.Equal(expected["triage"]!.GetValue<string>(), Vocabulary.Word(result.Triage));
        switch (expected["top_cause"]!.GetValue<string>())
        {
            case "any":
                break;
            case "none":
                Assert.Null(result.TopCause);
                break;
            case var cause:
                Assert.Equal(cause, result.TopCause);
                break;
        }
        foreach (var also in expected["also"]?.AsArray() ?? [])
        {
            Assert.NotEqual(Band.Unlikely, result.Cause(also!.GetValue<string>()).Band);
        }
    }
}
