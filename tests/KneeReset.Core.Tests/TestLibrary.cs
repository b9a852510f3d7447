using System.Text.Json.Nodes;
using KneeReset.Core.Matching;

namespace KneeReset.Core.Tests;

/// <summary>The real routine library from content/, as matching sees it (the web app builds the same cards from the store).</summary>
public static class TestLibrary
{
    public static IReadOnlyDictionary<string, JsonNode> Exercises { get; } = Directory
        .EnumerateFiles(Path.Combine(TestContent.Dir, "exercises"), "*.json")
        .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
        .ToDictionary(e => (string)e["slug"]!);

    public static IReadOnlyList<RoutineCard> Cards { get; } = Directory
        .EnumerateFiles(Path.Combine(TestContent.Dir, "routines"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(f => Card(JsonNode.Parse(File.ReadAllText(f))!))
        .ToList();

    /// <summary>Every exercise slug in a routine.</summary>
    public static IReadOnlyList<string> ExercisesOf(string routine) =>
        Routines[routine]["steps"]!.AsArray().Select(s => (string)s!["exercise"]!).ToList();

    /// <summary>Routines by slug, as written in content/routines.</summary>
    public static IReadOnlyDictionary<string, JsonNode> Routines { get; } = Directory
        .EnumerateFiles(Path.Combine(TestContent.Dir, "routines"), "*.json")
        .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
        .ToDictionary(r => (string)r["slug"]!);

    /// <summary>Marked springy in its file (hops, skips, jumps).</summary>
    public static bool IsSpringy(string exercise) => (bool?)Exercises[exercise]["springy"] ?? false;

    private static RoutineCard Card(JsonNode routine)
    {
        var steps = routine["steps"]!.AsArray().Select(s =>
        {
            var exercise = Exercises[(string)s!["exercise"]!];
            return new StepDosage((int)s["sets"]!, (int?)s["reps"], (int?)s["holdSeconds"], (int)s["restSeconds"]!, (bool)s["perSide"]!,
                (string?)s["tempo"], (string)exercise["kind"]!, exercise["bodyAreas"]!.AsArray().Select(a => (string)a!).ToList());
        }).ToList();
        var phase = (string)routine["phase"]!;
        return new RoutineCard((string)routine["slug"]!, (string)routine["title"]!, phase,
            routine["causes"]!.AsArray().Select(c => (string)c!).ToList(),
            routine["findings"]!.AsArray().Select(c => (string)c!).ToList(),
            RoutineDosage.Targets(phase, steps), (bool)routine["gentle"]!, (string)routine["difficulty"]!, RoutineDosage.Focus(steps),
            Springy: routine["steps"]!.AsArray().Any(s => IsSpringy((string)s!["exercise"]!)));
    }

    public static IReadOnlyList<MatchedRoutine> Match(string answersJson) =>
        RoutineMatcher.Match(TestContent.Evaluate(answersJson), Cards, TestContent.Rules.RuleSet, id => id);
}
