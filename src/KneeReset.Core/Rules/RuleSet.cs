namespace KneeReset.Core.Rules;

/// <summary>The versioned rule set from content/rules.json: weights, groups, thresholds, findings and triage.</summary>
public sealed class RuleSet
{
    public required string Version { get; init; }
    public required BandThresholds Bands { get; init; }
    /// <summary>How the signals of each group add up; a signal names its group.</summary>
    public required IReadOnlyDictionary<string, SignalGroup> Groups { get; init; }
    public required IReadOnlyList<CauseRules> Causes { get; init; }
    public IReadOnlyList<FindingRule> Findings { get; init; } = [];
    public required IReadOnlyList<TriageRule> Triage { get; init; }
    /// <summary>Why a result with no triage rule firing is self-care.</summary>
    public required string SelfCareReason { get; init; }
    /// <summary>What each time frame asks the runner to do, in plain words, by its vocabulary word (today, within_two_days, within_two_weeks).</summary>
    public required IReadOnlyDictionary<string, string> TimeFrames { get; init; }
    /// <summary>A runner with no pain gets prevention, not a cause: no cause is named or banded above unlikely.</summary>
    public PreventionRule? Prevention { get; init; }
    /// <summary>After how many weeks of steady self-care without clear improvement a clinician should look: the one review point every text uses.</summary>
    public required SelfCareReview Review { get; init; }
    /// <summary>Signs to watch for during self-care, each sent as fast as the triage rule that handles it.</summary>
    public IReadOnlyList<WatchSign> WatchFor { get; init; } = [];

    /// <summary>The plain words for a time frame.</summary>
    public string Words(TimeFrame timeFrame) =>
        TimeFrames.GetValueOrDefault(Vocabulary.Word(timeFrame)) ?? throw new InvalidDataException($"rules.json has no words for the time frame {Vocabulary.Word(timeFrame)}.");
}

public sealed class BandThresholds
{
    public required double Likely { get; init; }
    public required double Possible { get; init; }

    public Band For(double score) => score >= Likely ? Band.Likely : score >= Possible ? Band.Possible : Band.Unlikely;
}

/// <summary>
/// A kind of evidence (where it hurts, how it behaves, training load, form). Groups let one
/// kind contribute without outweighing the others: a cap, or a limit tied to where it hurts.
/// </summary>
public sealed class SignalGroup
{
    public required string Title { get; init; }
    /// <summary>Where it hurts: the group's strongest signal counts (several spots in one area are one clue), and a cause with none of it has no location support.</summary>
    public bool Locates { get; init; }
    /// <summary>The group never adds more than the cause's location support: it explains why now, not where.</summary>
    public bool CappedByLocation { get; init; }
    /// <summary>Where it hurts: a location signal of at least this weight is a clear location.</summary>
    public double? Clear { get; init; }
    /// <summary>
    /// The most the group adds to a cause when another cause has a clear location stronger than this
    /// cause's own: form and shoes stay below a clear location elsewhere, as the rules promise.
    /// </summary>
    public double? BesideClearLocation { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class CauseRules
{
    public required string Id { get; init; }
    /// <summary>The most a group may add to this cause, by group id.</summary>
    public IReadOnlyDictionary<string, double> Caps { get; init; } = new Dictionary<string, double>();
    public required IReadOnlyList<Signal> Signals { get; init; }
    /// <summary>The kinds of routine the cause's guideline asks for together, offered first.</summary>
    public IReadOnlyList<CareNeed> Care { get; init; } = [];
}

/// <summary>One piece of evidence: when the condition holds, the weight counts for (or against) the cause.</summary>
public sealed class Signal
{
    public required string Group { get; init; }
    public required Condition When { get; init; }
    public required double Weight { get; init; }
    public required string Evidence { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

/// <summary>A kind of routine a cause needs: one focused on a body area, loading it or moving it.</summary>
public sealed class CareNeed
{
    /// <summary>A body area worked by most of the routine's steps.</summary>
    public required string Focus { get; init; }
    /// <summary>"loading" (strength or eccentric work) or "mobility" (mobility or stretching, no loading).</summary>
    public required string Work { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class FindingRule
{
    public required string Id { get; init; }
    public required Condition When { get; init; }
    public required string Text { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class TriageRule
{
    public required string Id { get; init; }
    public required Condition When { get; init; }
    public required Triage Level { get; init; }
    /// <summary>How soon a clinician should see the knee when this rule holds.</summary>
    public required TimeFrame TimeFrame { get; init; }
    public required string Reason { get; init; }
    /// <summary>The answers point away from the four overuse causes (a structural, growth-plate or serious cause must be ruled out first), so none is named.</summary>
    public bool SetsAsideCauses { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

/// <summary>When it holds (no pain at all), the result is prevention: risks to work on, not a cause.</summary>
public sealed class PreventionRule
{
    public required Condition When { get; init; }
    public required string Text { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class SelfCareReview
{
    public required int Weeks { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

/// <summary>A sign that ends self-care, and the triage rule whose time frame says how soon.</summary>
public sealed class WatchSign
{
    public required string Sign { get; init; }
    public required string Rule { get; init; }
}
