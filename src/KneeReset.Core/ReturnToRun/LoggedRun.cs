using KneeReset.Core.Recovery;

namespace KneeReset.Core.ReturnToRun;

/// <summary>One walk-run the runner logged, with the day it was done and the pain they gave.</summary>
/// <param name="Id">The store's id, echoed back so a page or API can point at the run.</param>
/// <param name="Stage">The ladder stage the run was meant to be.</param>
/// <param name="During">Pain during the run, 0-10.</param>
/// <param name="NextMorning">Pain the next morning; unknown until the runner says.</param>
/// <param name="Completed">Finished as planned, not stopped early.</param>
/// <param name="Swelling">Swelling after the run; unknown counts as none.</param>
/// <param name="Usual">The runner's usual pain on an ordinary day, what the morning must settle back to.</param>
public sealed record LoggedRun(string Id, DateOnly On, int Stage, int During, int? NextMorning = null, bool Completed = true, bool? Swelling = null, int? Usual = null);

/// <summary>One go at an entry self-test.</summary>
/// <param name="Test">The self-test's id in return-to-run.json.</param>
/// <param name="Passed">The runner says it went as the test asks (no inward drift, finished).</param>
/// <param name="Pain">Pain during it, 0-10.</param>
public sealed record LoggedSelfTest(string Test, DateOnly On, bool Passed, int Pain);

public enum LadderAction
{
    /// <summary>An entry self-test is missing or failed.</summary>
    NotReady,
    /// <summary>Ready, no run yet: start the first stage.</summary>
    Start,
    Repeat,
    MoveUp,
    StepBack,
    SeeClinician,
    /// <summary>The top stage counted as often as moving up asks: the ladder is done.</summary>
    Complete,
}

/// <summary>What one run did on the ladder.</summary>
public enum RunOutcome
{
    /// <summary>Counted toward the next stage, not yet enough of them.</summary>
    Counted,
    MovedUp,
    Completed,
    /// <summary>Did not count, and was not bad enough to step back.</summary>
    Repeat,
    StepBack,
}

/// <param name="StageAfter">The stage open after this run.</param>
/// <param name="RestDayMissed">It came too soon after the run before to count.</param>
/// <param name="Why">What made the outcome, in the runner's figures.</param>
public sealed record RunStep(LoggedRun Run, RunOutcome Outcome, int StageAfter, bool RestDayMissed, string Why);

/// <param name="Completions">Counting runs at this stage so far.</param>
public sealed record StageProgress(RunStage Stage, int Completions);

/// <summary>Where the runner stands on the ladder and what to do next.</summary>
/// <param name="Stage">The stage to run next (the open stage); null while the ladder isn't open.</param>
/// <param name="Missing">The entry self-tests still missing or failed, in words.</param>
/// <param name="Escalation">Runs that say see a clinician; sticky until a fresh start.</param>
public sealed record LadderAdvice(
    LadderAction Action,
    int? Stage,
    string Reason,
    IReadOnlyList<string> Missing,
    Escalation? Escalation,
    IReadOnlyList<StageProgress> Stages,
    IReadOnlyList<RunStep> Runs);
