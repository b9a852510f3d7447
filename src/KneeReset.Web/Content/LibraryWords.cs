using System.Text.Json.Serialization;
using KneeReset.Core;
using KneeReset.Core.Rules;
using KneeReset.Web.Data;

namespace KneeReset.Web.Content;

/// <summary>
/// The words routines and exercises are written in, from content only: the library's own words
/// (content/library.json), the causes (causes.json) and the findings (rules.json). The staff
/// forms offer these and the validators accept only these.
/// </summary>
public sealed class LibraryWords
{
    public required IReadOnlyList<string> BodyAreas { get; init; }
    public required IReadOnlyList<string> ExerciseKinds { get; init; }
    /// <summary>The only kinds a gentle routine (for runners waiting to see a clinician) may hold: no loading.</summary>
    public required IReadOnlyList<string> GentleKinds { get; init; }
    public required IReadOnlyList<string> Phases { get; init; }
    /// <summary>Each phase as people read it ("Post-run reset" for post_run_reset).</summary>
    public required IReadOnlyDictionary<string, string> PhaseNames { get; init; }
    public required IReadOnlyList<string> Difficulties { get; init; }
    /// <summary>What a routine works on as runners read it: each body area and exercise kind, and "reset" (a post-run reset).</summary>
    public required IReadOnlyDictionary<string, string> TargetNames { get; init; }

    /// <summary>The causes a routine can address, as causes.json names them.</summary>
    [JsonIgnore] public IReadOnlyList<string> Causes { get; private set; } = [];
    /// <summary>The findings a routine can address (used by matching), as rules.json names them.</summary>
    [JsonIgnore] public IReadOnlyList<string> Findings { get; private set; } = [];
    /// <summary>draft, published or archived: the store's publishing states.</summary>
    [JsonIgnore] public IReadOnlyList<string> Statuses { get; } = Enum.GetValues<PublishStatus>().Select(Vocabulary.Word).ToList();

    public static LibraryWords Read(string contentDir, CauseGuide causes, RuleSet rules)
    {
        var path = Path.Combine(contentDir, "library.json");
        var words = ContentJson.Read<LibraryWords>(path);
        var unnamed = words.Phases.Where(p => !words.PhaseNames.ContainsKey(p)).ToList();
        if (unnamed.Count > 0)
        {
            throw new InvalidDataException($"{path} has no phaseNames for {string.Join(", ", unnamed)}.");
        }
        var unnamedTargets = words.BodyAreas.Concat(words.ExerciseKinds).Append(ResetTarget).Where(t => !words.TargetNames.ContainsKey(t)).ToList();
        if (unnamedTargets.Count > 0)
        {
            throw new InvalidDataException($"{path} has no targetNames for {string.Join(", ", unnamedTargets)}.");
        }
        words.Causes = causes.Causes.Select(c => c.Id).ToList();
        words.Findings = rules.Findings.Select(f => f.Id).ToList();
        return words;
    }

    public string PhaseName(string phase) => PhaseNames.GetValueOrDefault(phase) ?? phase;

    /// <summary>The target a post-run reset adds (RoutineDosage.Targets).</summary>
    public const string ResetTarget = "reset";

    /// <summary>"thighs (quads)" for quads: targets are stored as codes and shown by these names.</summary>
    public string TargetName(string target) => TargetNames.GetValueOrDefault(target) ?? target;

    /// <summary>A routine's targets as a list a runner reads.</summary>
    public string TargetList(IEnumerable<string> targets) => string.Join(", ", targets.Select(TargetName));

    /// <summary>"a, b or c", for messages that list the choices.</summary>
    public static string OneOf(IReadOnlyList<string> words) =>
        words.Count < 2 ? string.Join("", words) : $"{string.Join(", ", words.Take(words.Count - 1))} or {words[^1]}";
}
