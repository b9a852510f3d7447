using System.Text.Json.Nodes;

namespace KneeReset.Web.Tests;

/// <summary>One acceptance vignette (Data/vignettes.json) with its facts flattened into answers.</summary>
public sealed record Vignette(
    string Id,
    JsonObject Answers,
    string Triage,
    string TopCause,
    IReadOnlyList<string> Also,
    IReadOnlyList<string> RoutinesTarget);

public static class Vignettes
{
    private static readonly Lazy<IReadOnlyList<Vignette>> Loaded = new(Load);

    public static IReadOnlyList<Vignette> All => Loaded.Value;

    /// <summary>A vignette by id, its answers a fresh copy the test may change.</summary>
    public static Vignette Get(string id) => Copy(All.Single(v => v.Id == id));

    /// <summary>The classic runner's knee (pub-01), the suite's everyday valid assessment.</summary>
    public static JsonObject ClassicRunnersKnee() => Find("pub-01").Answers;

    /// <summary>The vignette whose id starts with <paramref name="prefix"/> ("pub-01"), answers copied.</summary>
    public static Vignette Find(string prefix) => Copy(All.Single(v => v.Id.StartsWith(prefix, StringComparison.Ordinal)));

    private static Vignette Copy(Vignette vignette) => vignette with { Answers = vignette.Answers.DeepClone().AsObject() };

    private static IReadOnlyList<Vignette> Load()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestFiles.Acceptance("vignettes.json")))!.AsArray();
        return json.Select(node =>
        {
            var v = node!.AsObject();
            var expected = v["expected"]!.AsObject();
            return new Vignette(
                (string)v["id"]!,
                Flatten(v["facts"]!.AsObject()),
                (string)expected["triage"]!,
                (string)expected["top_cause"]!,
                Words(expected["also"]),
                Words(expected["routines_target"]));
        }).ToList();
    }

    /// <summary>The facts as answers: the self_checks object's entries move to the top level.</summary>
    private static JsonObject Flatten(JsonObject facts)
    {
        var answers = new JsonObject();
        foreach (var (name, value) in facts)
        {
            if (name == "self_checks")
            {
                foreach (var (check, result) in value!.AsObject())
                {
                    answers[check] = result?.DeepClone();
                }
            }
            else
            {
                answers[name] = value?.DeepClone();
            }
        }
        return answers;
    }

    private static List<string> Words(JsonNode? node) =>
        node?.AsArray().Select(w => (string)w!).ToList() ?? [];
}
