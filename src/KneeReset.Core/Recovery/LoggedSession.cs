using KneeReset.Core.Rules;

namespace KneeReset.Core.Recovery;

/// <summary>One logged session of a routine, with the day it was done and the pain the runner gave.</summary>
/// <param name="Id">The store's id, echoed back so a page or API can point at the session.</param>
/// <param name="Routine">The routine's slug.</param>
/// <param name="Tendon">A tendon-loading routine, where pain up to 5/10 that settles by the morning still allows progress.</param>
/// <param name="During">Pain during the session, 0-10.</param>
/// <param name="NextMorning">Pain the next morning; unknown until the runner says.</param>
/// <param name="Usual">The runner's usual pain on an ordinary day, given with the session.</param>
public sealed record LoggedSession(string Id, string Routine, bool Tendon, DateOnly On, int During, int? NextMorning = null, int? Usual = null);

public enum PainAction
{
    Progress,
    Hold,
    StepBack,
    SeeClinician,
}

/// <summary>What to do next, and why in the runner's own figures.</summary>
public sealed record Advice(PainAction Action, string Reason);

/// <summary>The sessions say self-care isn't enough: see a clinician, this soon.</summary>
/// <param name="Rule">The escalation rule's id in pain-model.json.</param>
public sealed record Escalation(string Rule, string Reason, TimeFrame TimeFrame, DateOnly Since);

public sealed record RoutineAdvice(string Routine, int Sessions, Advice Advice);

/// <summary>Where the runner's recovery stands: advice per routine and overall, the baseline, any escalation, and mornings still to give.</summary>
/// <param name="Advice">The most cautious of the routines' advice.</param>
/// <param name="PendingMornings">Sessions whose next-morning pain can still be given (the morning has come and it is no more than a few days ago), oldest first.</param>
public sealed record RecoveryState(
    Advice? Advice,
    IReadOnlyList<RoutineAdvice> Routines,
    int? BaselinePain,
    Escalation? Escalation,
    IReadOnlyList<LoggedSession> PendingMornings);
