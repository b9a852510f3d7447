namespace KneeReset.Core.Assessment;

public enum Triage
{
    SelfCare,
    SeeClinician,
    Urgent,
}

public enum Band
{
    Unlikely,
    Possible,
    Likely,
}

/// <summary>What the rules made of one set of answers. Deterministic for the same answers and rules version.</summary>
public sealed record AssessmentResult
{
    public required string RulesVersion { get; init; }
    public required Triage Triage { get; init; }
    public required IReadOnlyList<TriageReason> TriageReasons { get; init; }
    /// <summary>Null when the picture fits no cause well enough to name one, or a red flag decides the outcome.</summary>
    public string? TopCause { get; init; }
    public required IReadOnlyList<CauseScore> Causes { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required TrainingLoad TrainingLoad { get; init; }
}

public sealed record TriageReason(string Rule, Triage Level, string Text);

public sealed record CauseScore(string Cause, double Score, Band Band, IReadOnlyList<Evidence> Evidence);

/// <summary>An answer that counted, in plain words; a negative weight counted against the cause.</summary>
public sealed record Evidence(string Text, double Weight, IReadOnlyList<string> Answers);

public sealed record Finding(string Id, string Text);
