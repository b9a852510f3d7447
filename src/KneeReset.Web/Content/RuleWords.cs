using KneeReset.Core;
using KneeReset.Core.Rules;

namespace KneeReset.Web.Content;

/// <summary>
/// What people read for the rule set's codes (content/words.json): triage levels, bands, triage
/// rules and findings, so no clinician or staff member reads "SelfCare" or "knee_caves".
/// Checked against the rule set on start: a rule or finding without its words stops the app.
/// </summary>
public sealed class RuleWords
{
    /// <summary>The name of the pseudo-rule a result carries when no triage rule holds.</summary>
    public const string NoRuleHeld = "self_care";
    /// <summary>The name of the pseudo-rule a pain-free result carries: prevention, not a cause.</summary>
    public const string Prevention = "prevention";

    /// <summary>By the vocabulary's word for each level (self_care, see_clinician, urgent).</summary>
    public required IReadOnlyDictionary<string, string> Triage { get; init; }
    /// <summary>By the vocabulary's word for each band (likely, possible, unlikely).</summary>
    public required IReadOnlyDictionary<string, string> Bands { get; init; }
    /// <summary>A short name for each triage rule in rules.json, and for <see cref="NoRuleHeld"/> and <see cref="Prevention"/>.</summary>
    public required IReadOnlyDictionary<string, string> TriageRules { get; init; }
    /// <summary>A short label for each time frame ("Within 48 hours"), by its vocabulary word; rules.json holds what each asks the runner to do.</summary>
    public required IReadOnlyDictionary<string, string> TimeFrames { get; init; }
    /// <summary>A short name for each finding in rules.json.</summary>
    public required IReadOnlyDictionary<string, string> Findings { get; init; }

    public string Level(Triage level) => Triage[Vocabulary.Word(level)];

    public string Band(Band band) => Bands[Vocabulary.Word(band)];

    public string TimeFrame(TimeFrame timeFrame) => TimeFrames[Vocabulary.Word(timeFrame)];

    /// <summary>A triage rule's name; a stored result may name a rule a later rule set dropped, shown as it was.</summary>
    public string Rule(string id) => TriageRules.GetValueOrDefault(id) ?? id;

    public string Finding(string id) => Findings.GetValueOrDefault(id) ?? id;

    public static RuleWords Read(string contentDir, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var path = Path.Combine(contentDir, "words.json");
        var words = ContentJson.Read<RuleWords>(path);
        var missing = Enum.GetValues<Triage>().Select(Vocabulary.Word).Where(w => !words.Triage.ContainsKey(w)).Select(w => $"triage.{w}")
            .Concat(Enum.GetValues<Band>().Select(Vocabulary.Word).Where(w => !words.Bands.ContainsKey(w)).Select(w => $"bands.{w}"))
            .Concat(Enum.GetValues<TimeFrame>().Select(Vocabulary.Word).Where(w => !words.TimeFrames.ContainsKey(w)).Select(w => $"timeFrames.{w}"))
            .Concat(rules.Triage.Select(t => t.Id).Append(NoRuleHeld).Append(Prevention).Where(id => !words.TriageRules.ContainsKey(id)).Select(id => $"triageRules.{id}"))
            .Concat(rules.Findings.Select(f => f.Id).Where(id => !words.Findings.ContainsKey(id)).Select(id => $"findings.{id}"))
            .ToList();
        return missing.Count == 0 ? words : throw new InvalidDataException($"{path} has no words for {string.Join(", ", missing)}.");
    }
}
