using KneeReset.Core.Recovery;
using KneeReset.Core.Rules;

namespace KneeReset.Core.ReturnToRun;

/// <summary>
/// The return-to-running ladder from content/return-to-run.json: walk-run stages, the self-tests
/// that open it, the gates that move a runner up or back, and when to stop and see a clinician;
/// each rule with its why and source, read by <see cref="LadderMonitor"/>.
/// </summary>
public sealed class RunLadder
{
    public required string Version { get; init; }
    public required LadderStages Ladder { get; init; }
    public required EntryCriteria Entry { get; init; }
    public required LadderGates Gates { get; init; }
    public required IReadOnlyList<LadderEscalation> Escalations { get; init; }

    public IReadOnlyList<RunStage> Stages => Ladder.Stages;
    public RunStage TopStage => Ladder.Stages[^1];

    /// <summary>Why the ladder can't be used with these rules and this pain model, in words.</summary>
    public IEnumerable<string> Problems(RuleSet rules, PainModel pain)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(pain);
        if (Stages.Count == 0 || Stages.Select((s, i) => s.Stage != i + 1).Any(wrong => wrong))
        {
            yield return "stages must be numbered 1, 2, 3, ... in order";
        }
        foreach (var stage in Stages.Where(s => s.RunMinutes <= 0 || s.WalkMinutes < 0 || s.Repeats < 1))
        {
            yield return $"stage {stage.Stage} needs some running, no negative walking and at least one repeat";
        }
        if (Stages.Zip(Stages.Skip(1)).Any(p => p.Second.RunShare < p.First.RunShare))
        {
            yield return "each stage must run at least as large a share of its time as the one before";
        }
        if (Entry.SelfTests.Count == 0 || Entry.SelfTests.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() != Entry.SelfTests.Count)
        {
            yield return "entry needs self-tests with distinct ids";
        }
        if (!(Gates.Counts.DuringMax <= Gates.StepBack.DuringAbove && Gates.StepBack.DuringAbove <= pain.Zones.AcceptableMax))
        {
            yield return "a counting run's pain must be within a step back's, and a step back must come no later than the pain model's acceptable zone ends";
        }
        if (Gates.MoveUp.Completions < 1 || Gates.RestDay.MinDaysBetweenRuns < 1)
        {
            yield return "moving up needs at least one counting run, and runs at least a day apart";
        }
        if (Gates.RecordedRun.ToleranceMinutes < 0 || Stages.Any(s => Gates.RecordedRun.ToleranceMinutes >= s.TotalMinutes))
        {
            yield return "a recorded run's tolerance must be at least 0 and shorter than every stage";
        }
        foreach (var escalation in Escalations.Where(e => rules.Triage.All(t => t.Id != e.Rule)))
        {
            yield return $"escalation {escalation.Id} names no triage rule {escalation.Rule}";
        }
        foreach (var escalation in Escalations.Where(e => e.Kind is null))
        {
            yield return $"escalation {escalation.Id} says neither duringAtLeast, stepBacksInARow nor swellingRuns";
        }
    }
}

/// <summary>The stages in order, and how every run is done.</summary>
public sealed class LadderStages
{
    /// <summary>Level ground, easy pace, rest days: what every stage assumes.</summary>
    public required string Conditions { get; init; }
    public required IReadOnlyList<RunStage> Stages { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

/// <summary>One rung: run, then walk, this many times over.</summary>
public sealed class RunStage
{
    public required int Stage { get; init; }
    public required double RunMinutes { get; init; }
    public required double WalkMinutes { get; init; }
    public required int Repeats { get; init; }

    public double TotalMinutes => (RunMinutes + WalkMinutes) * Repeats;
    public double RunShare => RunMinutes / (RunMinutes + WalkMinutes);
    public bool Continuous => WalkMinutes == 0;
}

/// <summary>The self-tests that must pass, recently, before the first run.</summary>
public sealed class EntryCriteria
{
    /// <summary>The most pain during a self-test that still passes it.</summary>
    public required int PainMax { get; init; }
    /// <summary>How many days before the ladder starts (or today, before it has) a self-test still counts.</summary>
    public required int ValidForDays { get; init; }
    public required IReadOnlyList<SelfTest> SelfTests { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

/// <summary>A test a runner can do at home; its id is what a result names.</summary>
public sealed class SelfTest
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string HowTo { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class LadderGates
{
    public required CountingRun Counts { get; init; }
    public required MoveUpRule MoveUp { get; init; }
    public required RestDayRule RestDay { get; init; }
    public required StepBackRule StepBack { get; init; }
    public required RecordedRunRule RecordedRun { get; init; }
}

public sealed class CountingRun
{
    /// <summary>The most pain during a finished run that still counts toward the next stage.</summary>
    public required int DuringMax { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class MoveUpRule
{
    /// <summary>Counting runs at a stage that open the next one.</summary>
    public required int Completions { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class RestDayRule
{
    /// <summary>Days from one run to the next for the later one to count (2: a rest day between).</summary>
    public required int MinDaysBetweenRuns { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public sealed class StepBackRule
{
    /// <summary>Pain during a run above this is a step back (as are an unsettled morning and swelling).</summary>
    public required int DuringAbove { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

/// <summary>How close a recorded run's time must be to a stage's total time to be that stage (<see cref="RunMatching"/>).</summary>
public sealed class RecordedRunRule
{
    public required double ToleranceMinutes { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

public enum LadderEscalationKind
{
    SevereRun,
    StepBacksInARow,
    SwellingRuns,
}

/// <summary>When the runs say self-care isn't enough: see a clinician, as soon as the named triage rule asks.</summary>
public sealed class LadderEscalation
{
    public required string Id { get; init; }
    /// <summary>The triage rule in rules.json whose time frame this escalation takes.</summary>
    public required string Rule { get; init; }
    /// <summary>Any run with pain during at least this.</summary>
    public int? DuringAtLeast { get; init; }
    /// <summary>This many step-backs in a row.</summary>
    public int? StepBacksInARow { get; init; }
    /// <summary>Swelling after this many runs.</summary>
    public int? SwellingRuns { get; init; }
    /// <summary>What the runner reads; {value} and {date} are filled from the runs.</summary>
    public required string Reason { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }

    public LadderEscalationKind? Kind =>
        DuringAtLeast is not null ? LadderEscalationKind.SevereRun
        : StepBacksInARow is not null ? LadderEscalationKind.StepBacksInARow
        : SwellingRuns is not null ? LadderEscalationKind.SwellingRuns
        : null;
}
