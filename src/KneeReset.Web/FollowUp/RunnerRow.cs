using KneeReset.Core.Recovery;
using KneeReset.Core.Rules;

namespace KneeReset.Web.FollowUp;

/// <summary>The latest pain figure a runner gave, where and when.</summary>
/// <param name="Where">"during a session", "the morning after a run", "in the weekly check-in", "at the check".</param>
public sealed record LatestPain(int Value, string Where, DateTimeOffset At);

/// <summary>One followed runner as "My runners" lists it: their latest check, pain, advice and any escalation.</summary>
/// <param name="FollowId">Removes the follow; never the share token.</param>
/// <param name="SharedPath">/r/{token}: read from the assessment on every visit while the link opens, never stored.</param>
/// <param name="LastActivity">The newest check, session, run or check-in: the list is ordered by it, newest first.</param>
public sealed record RunnerRow(
    int FollowId,
    string Runner,
    string SharedPath,
    DateTimeOffset LatestCheck,
    Triage Triage,
    TimeFrame? HowSoon,
    LatestPain? Pain,
    Advice? Advice,
    Escalation? Escalation,
    DateTimeOffset LastActivity);
