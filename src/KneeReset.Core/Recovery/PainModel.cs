using KneeReset.Core.Rules;

namespace KneeReset.Core.Recovery;

/// <summary>
/// The pain-monitoring model's thresholds, windows and escalation rules, from content/pain-model.json:
/// data like the rule set, each with its why and source, read by <see cref="PainMonitor"/>.
/// </summary>
public sealed class PainModel
{
    public required string Version { get; init; }
    public required PainZones Zones { get; init; }
    public required ProgressRule Progress { get; init; }
    public required MorningRule Morning { get; init; }
    public required BaselineRule Baseline { get; init; }
    public required DateRule Dates { get; init; }
    public required IReadOnlyList<EscalationRule> Escalations { get; init; }

    /// <summary>Why the model can't be used with these rules: an escalation naming no triage rule, or thresholds out of order.</summary>
    public IEnumerable<string> Problems(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var escalation in Escalations.Where(e => rules.Triage.All(t => t.Id != e.Rule)))
        {
            yield return $"escalation {escalation.Id} names no triage rule {escalation.Rule}";
        }
        foreach (var escalation in Escalations.Where(e => e.Kind is null))
        {
            yield return $"escalation {escalation.Id} says neither duringAtLeast, morningAboveUsualBy, stepBacksInARow nor risingForDays";
        }
        if (!(Zones.SafeMax < Zones.AcceptableMax && Progress.OtherComfortableMax <= Progress.TendonComfortableMax && Progress.TendonComfortableMax <= Zones.AcceptableMax))
        {
            yield return "zones must rise: safe, then the comfortable maxima, then acceptable";
        }
    }
}

public sealed class PainZones
{
    /// <summary>Pain during exercise up to this is safe.</summary>
    public required int SafeMax { get; init; }
    /// <summary>Up to this is acceptable; more is too much (a step back).</summary>
    public required int AcceptableMax { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class ProgressRule
{
    /// <summary>How many comfortable sessions progress needs.</summary>
    public required int ComfortableSessions { get; init; }
    /// <summary>The least number of days between the first and the last of them.</summary>
    public required int MinDaysApart { get; init; }
    /// <summary>The most pain during a tendon routine that still counts as comfortable.</summary>
    public required int TendonComfortableMax { get; init; }
    /// <summary>The most pain during any other routine that still counts as comfortable.</summary>
    public required int OtherComfortableMax { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class MorningRule
{
    /// <summary>Without a usual level, next-morning pain up to this counts as settled.</summary>
    public required int SettledWithoutUsual { get; init; }
    /// <summary>For how many days after a session its next-morning pain can still be given.</summary>
    public required int AnswerableDays { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class BaselineRule
{
    /// <summary>A usual pain this much above the first one is rising.</summary>
    public required int RisingBy { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class DateRule
{
    /// <summary>How many days back a session may be logged.</summary>
    public required int MaxDaysBack { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public enum EscalationKind
{
    SevereSession,
    MorningsUnsettled,
    StepBacksInARow,
    BaselineRising,
}

/// <summary>When the sessions say self-care isn't enough: see a clinician, as soon as the named triage rule asks.</summary>
public sealed class EscalationRule
{
    public required string Id { get; init; }
    /// <summary>The triage rule in rules.json whose time frame this escalation takes.</summary>
    public required string Rule { get; init; }
    /// <summary>Any session with pain during at least this.</summary>
    public int? DuringAtLeast { get; init; }
    /// <summary>Next-morning pain at least this much above the usual level, <see cref="InARow"/> sessions in a row.</summary>
    public int? MorningAboveUsualBy { get; init; }
    public int InARow { get; init; } = 2;
    /// <summary>This many step-backs in a row for one routine.</summary>
    public int? StepBacksInARow { get; init; }
    /// <summary>A rising usual pain that has lasted at least this many days.</summary>
    public int? RisingForDays { get; init; }
    /// <summary>What the runner reads; {value} and {date} are filled from the sessions.</summary>
    public required string Reason { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }

    public EscalationKind? Kind =>
        DuringAtLeast is not null ? EscalationKind.SevereSession
        : MorningAboveUsualBy is not null ? EscalationKind.MorningsUnsettled
        : StepBacksInARow is not null ? EscalationKind.StepBacksInARow
        : RisingForDays is not null ? EscalationKind.BaselineRising
        : null;
}
