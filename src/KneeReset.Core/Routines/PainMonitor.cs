namespace KneeReset.Core.Routines;

public enum PainAdvice
{
    Progress,
    Hold,
    StepBack,
}

/// <summary>
/// The pain-monitoring model (Thomee 1997; Silbernagel et al. 2007): pain of 0-2/10 during
/// exercise is safe, 3-5 acceptable, over 5 too much; pain after exercise must settle by the
/// next morning.
/// </summary>
public static class PainMonitor
{
    public const int SafeMax = 2;
    public const int AcceptableMax = 5;

    /// <param name="during">Pain during the session, 0-10.</param>
    /// <param name="nextMorning">Pain the next morning, 0-10; unknown until the runner says.</param>
    /// <param name="usualPain">The runner's usual pain before the session, to tell whether the morning pain has settled.</param>
    public static (PainAdvice Advice, string Reason) Advise(int during, int? nextMorning, int? usualPain = null)
    {
        if (during > AcceptableMax)
        {
            return (PainAdvice.StepBack, $"Pain of {during}/10 during the session is more than the knee should take (over 5). Next time use the easier variation or fewer reps.");
        }
        if (nextMorning is { } morning && morning > Math.Max(usualPain ?? 0, during) && morning > SafeMax)
        {
            return (PainAdvice.StepBack, $"The pain was worse the next morning ({morning}/10) instead of settling. Step back a little until it settles overnight.");
        }
        if (during > SafeMax)
        {
            return (PainAdvice.Hold, $"Pain of {during}/10 during the session is acceptable (3-5). Keep the same dose until it drops to 2 or less.");
        }
        return nextMorning is null
            ? (PainAdvice.Hold, "Pain stayed low during the session. If the knee has settled by tomorrow morning, you can progress.")
            : (PainAdvice.Progress, "Pain stayed low (2/10 or less) and settled by the morning: you can progress to more reps or the harder variation.");
    }
}
