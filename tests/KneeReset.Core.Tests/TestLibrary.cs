using System.Text.Json.Nodes;
using KneeReset.Core.Matching;

namespace KneeReset.Core.Tests;

/// <summary>The real routine library from content/, as matching sees it (the web app builds the same cards from the store).</summary>
public static class TestLibrary
{
    private static readonly Dictionary<string, JsonNode> Exercises = Directory
        .EnumerateFiles(Path.Combine(TestContent.Dir, "exercises"), "*.json")
        .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
        .ToDictionary(e => (string)e["slug"]!);

    public static IReadOnlyList<RoutineCard> Cards { get; } = Directory
        .EnumerateFiles(Path.Combine(TestContent.Dir, "routines"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(f => Card(JsonNode.Parse(File.ReadAllText(f))!))
        .ToList();

    /// <summary>Every exercise slug in a routine.</summary>
    public static IReadOnlyList<string> ExercisesOf(string routine) => Directory
        .EnumerateFiles(Path.Combine(TestContent.Dir, "routines"), "*.json")
        .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
        .Single(r => (string)r["slug"]! == routine)["steps"]!.AsArray()
        .Select(s => (string)s!["exercise"]!)
        .ToList();

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
            RoutineDosage.Targets(phase, steps), (bool)routine["gentle"]!, (string)routine["difficulty"]!, RoutineDosage.Focus(steps));
    }

    public static IReadOnlyList<MatchedRoutine> Match(string answersJson) =>
        RoutineMatcher.Match(TestContent.Evaluate(answersJson), Cards, TestContent.Rules.RuleSet, id => id);
}
