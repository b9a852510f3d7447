using KneeReset.Core.Assessment;

namespace KneeReset.Core.Rules;

/// <summary>The versioned rule set from content/rules.json: weights, thresholds, findings and triage.</summary>
public sealed class RuleSet
{
    public required string Version { get; init; }
    public required BandThresholds Bands { get; init; }
    public required IReadOnlyList<CauseRules> Causes { get; init; }
    public IReadOnlyList<FindingRule> Findings { get; init; } = [];
    public required IReadOnlyList<TriageRule> Triage { get; init; }
    /// <summary>Why a result with no triage rule firing is self-care.</summary>
    public required string SelfCareReason { get; init; }
}

public sealed class BandThresholds
{
    public required double Likely { get; init; }
    public required double Possible { get; init; }

    public Band For(double score) => score >= Likely ? Band.Likely : score >= Possible ? Band.Possible : Band.Unlikely;
}

public sealed class CauseRules
{
    public required string Id { get; init; }
    public required IReadOnlyList<Signal> Signals { get; init; }
}

/// <summary>One piece of evidence: when the condition holds, the weight counts for (or against) the cause.</summary>
public sealed class Signal
{
    public required Condition When { get; init; }
    public required double Weight { get; init; }
    public required string Evidence { get; init; }
}

public sealed class FindingRule
{
    public required string Id { get; init; }
    public required Condition When { get; init; }
    public required string Text { get; init; }
}

public sealed class TriageRule
{
    public required string Id { get; init; }
    public required Condition When { get; init; }
    public required Triage Level { get; init; }
    public required string Reason { get; init; }
}
