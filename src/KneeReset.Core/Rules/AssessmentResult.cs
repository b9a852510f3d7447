using System.Text.Json.Serialization;

namespace KneeReset.Core.Rules;

public enum Triage
{
    SelfCare,
    SeeClinician,
    Urgent,
}

/// <summary>
/// How soon a clinician should see the knee, slowest first so the most urgent compares highest.
/// Each see-a-clinician or urgent rule in rules.json names one; the result takes the most urgent.
/// </summary>
public enum TimeFrame
{
    WithinTwoWeeks,
    WithinTwoDays,
    Today,
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
    /// <summary>
    /// How soon, from the most urgent rule that held; null for self-care. Results stored before
    /// rules carried time frames have none: read <see cref="HowSoon"/>, which falls back to what they said then.
    /// </summary>
    public TimeFrame? TimeFrame { get; init; }
    /// <summary>No pain at all: the result is prevention (risks to work on), and no cause is named.</summary>
    public bool Prevention { get; init; }
    /// <summary>A triage rule that held points away from the four overuse causes, so none is named to the runner (the clinical view keeps the scores).</summary>
    public bool CausesSetAside { get; init; }
    /// <summary>Null when the picture fits no cause well enough to name one, a red flag decides the outcome, or a rule sets the causes aside.</summary>
    public string? TopCause { get; init; }
    public required IReadOnlyList<CauseScore> Causes { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required TrainingLoad TrainingLoad { get; init; }

    /// <summary>How soon a clinician should see the knee; null for self-care.</summary>
    [JsonIgnore]
    public TimeFrame? HowSoon => TimeFrame ?? Rules.TimeFrames.Before(Triage);

    /// <summary>Exercise of any kind may be suggested: never with an urgent red flag.</summary>
    public bool OffersExercise => Triage != Triage.Urgent;

    /// <summary>Strength, loading and self-care advice may be given: only when no clinician needs to see the knee first.</summary>
    public bool OffersSelfCare => Triage == Triage.SelfCare;
}

/// <param name="TimeFrame">How soon this rule asks for; null for self-care, and on results stored before rules carried time frames.</param>
public sealed record TriageReason(string Rule, Triage Level, string Text, TimeFrame? TimeFrame = null);

/// <param name="Located">Where it hurts fits the cause. A cause the location doesn't support is never put first and is at most possible.</param>
/// <param name="Notes">How groups of evidence were limited (a cap, or load tied to where it hurts), for the clinical view.</param>
public sealed record CauseScore(string Cause, double Score, Band Band, IReadOnlyList<Evidence> Evidence, bool Located = true, IReadOnlyList<string>? Notes = null);

/// <summary>An answer that counted, in plain words; a negative weight counted against the cause. Answers names the runner's answers it rests on.</summary>
public sealed record Evidence(string Text, double Weight, IReadOnlyList<string> Answers);

public sealed record Finding(string Id, string Text);
