using KneeReset.Core.ReturnToRun;
using KneeReset.Web.FollowUp;

namespace KneeReset.Web.Api;

/// <summary>The body of POST /api/manage/{manage}/runs.</summary>
/// <param name="Stage">The ladder stage run; the open stage or one below it.</param>
/// <param name="On">The day it was done, YYYY-MM-DD; today when absent.</param>
/// <param name="Completed">Finished as planned, not stopped early.</param>
/// <param name="Swelling">Swelling after the run; absent when not known yet.</param>
public sealed record NewRun(int? Stage, string? On, bool? Completed, int? PainDuring, int? UsualPain, int? PainNextMorning, bool? Swelling);

/// <summary>The body of PATCH /api/manage/{manage}/runs/{id}: the next morning.</summary>
public sealed record RunMorning(int? PainNextMorning, bool? Swelling);

/// <summary>The body of POST /api/manage/{manage}/self-tests.</summary>
/// <param name="Test">The self-test's id, from the ladder's content (listed in the schema).</param>
/// <param name="Passed">It went as the test asks.</param>
/// <param name="On">The day it was done, YYYY-MM-DD.</param>
/// <param name="Pain">Optional: pain during it, 0-10; without it a pass is taken at its word.</param>
public sealed record NewSelfTest(string? Test, bool? Passed, string? On, int? Pain);

/// <summary>What the ladder says to do next. Action: not_ready, start, repeat, move_up, step_back, see_clinician or complete.</summary>
public sealed record RunAdviceView(LadderAction Action, string Reason)
{
    public static RunAdviceView Of(RunAdvice advice) => new(advice.Action, advice.Reason);
}

/// <param name="Completions">Runs at this stage that counted toward the next one.</param>
public sealed record StageView(int Stage, double RunMinutes, double WalkMinutes, int Repeats, int Completions);

/// <summary>The running ladder: open or not and what is missing, the stage to run next (null while closed), every stage, and the advice.</summary>
public sealed record ReturnToRunView(bool Open, IReadOnlyList<string> Missing, int? Stage, IReadOnlyList<StageView> Stages, RunAdviceView Advice)
{
    public static ReturnToRunView Of(LadderState state) => new(
        state.Open,
        state.Missing,
        state.Stage,
        [.. state.Ladder.Stages.Select(p => new StageView(p.Stage.Stage, p.Stage.RunMinutes, p.Stage.WalkMinutes, p.Stage.Repeats, p.Completions))],
        RunAdviceView.Of(state.Advice));
}

/// <param name="Id">The run's id: PATCH /runs/{id} adds its next morning.</param>
public sealed record RunLogged(string Id, RunAdviceView Advice);

/// <param name="ReturnToRun">The ladder after this result: open, or what is still missing.</param>
public sealed record SelfTestLogged(string Test, bool Passed, DateOnly On, ReturnToRunView ReturnToRun);
