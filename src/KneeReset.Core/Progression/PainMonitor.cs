namespace KneeReset.Core.Progression;

public enum PainAdvice
{
    Progress,
    Hold,
    StepBack,
}

/// <summary>The pain a runner logged for one session of a routine, 0-10.</summary>
/// <param name="During">Pain during the session.</param>
/// <param name="NextMorning">Pain the next morning; unknown until the runner says.</param>
/// <param name="Usual">The runner's usual pain on a normal day before the session: what the knee must settle back to.</param>
public sealed record SessionPain(int During, int? NextMorning, int? Usual);

/// <summary>
/// The pain-monitoring model (Thomee 1997; Silbernagel et al. 2007): pain of 0-2/10 during
/// exercise is safe, 3-5 acceptable, over 5 too much; pain must settle back to its usual
/// level by the next morning; and pain must not build from session to session. Progress only
/// when all three hold; step back when pain goes over 5, has not settled, or is building.
/// </summary>
public static class PainMonitor
{
    public const int SafeMax = 2;
    public const int AcceptableMax = 5;
    /// <summary>How many of the latest sessions the trend looks at.</summary>
    public const int TrendSessions = 3;

    /// <param name="sessions">The runner's sessions of one routine, oldest first; only the latest few count.</param>
    public static (PainAdvice Advice, string Reason) Advise(IReadOnlyList<SessionPain> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("Advice needs at least one logged session.", nameof(sessions));
        }
        var recent = sessions.TakeLast(TrendSessions).ToList();
        var latest = recent[^1];
        if (latest.During > AcceptableMax)
        {
            return (PainAdvice.StepBack, $"Pain of {latest.During}/10 during the session is more than the knee should take (over 5). Next time use the easier variation or fewer reps.");
        }
        if (latest.NextMorning is { } morning && !Settled(latest))
        {
            return (PainAdvice.StepBack, $"The next morning the pain was {morning}/10, above {BaselineText(latest)}: it had not settled overnight. Step back a little until it settles by the morning.");
        }
        if (Building(recent))
        {
            var trend = string.Join(", then ", recent.Select(s => $"{s.During}/10"));
            return latest.During > SafeMax
                ? (PainAdvice.StepBack, $"Pain during your last sessions went {trend}: it is building from session to session. Step back a little until it stops rising.")
                : (PainAdvice.Hold, $"Pain during your last sessions went {trend}: still low, but creeping up. Keep the same dose until it stops rising.");
        }
        if (latest.During > SafeMax)
        {
            return (PainAdvice.Hold, $"Pain of {latest.During}/10 during the session is acceptable (3-5). Keep the same dose until it drops to 2 or less.");
        }
        if (latest.NextMorning is null)
        {
            return (PainAdvice.Hold, "Pain stayed low during the session. If the knee is back to its usual level tomorrow morning, you can progress.");
        }
        if (recent.Count > 1 && recent[..^1].Any(s => s.During > SafeMax || (s.NextMorning is not null && !Settled(s))))
        {
            return (PainAdvice.Hold, "This session went well, after a harder one before it. Repeat the same dose once more before stepping up.");
        }
        var over = recent.Count > 1 ? $" over your last {recent.Count} sessions" : "";
        return (PainAdvice.Progress, $"Pain stayed low (2/10 or less) and was back to {BaselineText(latest)} by the next morning{over}: you can progress to more reps or the harder variation.");
    }

    /// <summary>Back to the usual level by the next morning. Without a usual level, back to the session's own pain, and never above the safe range.</summary>
    private static bool Settled(SessionPain s) => s.NextMorning is not { } morning || morning <= Baseline(s);

    private static int Baseline(SessionPain s) => s.Usual ?? Math.Min(s.During, SafeMax);

    private static string BaselineText(SessionPain s) =>
        s.Usual is { } usual ? $"your usual {usual}/10" : $"{Baseline(s)}/10 (tell us your usual pain to compare with)";

    /// <summary>Pain during, or pain the next morning, higher at every session than at the one before.</summary>
    private static bool Building(List<SessionPain> recent)
    {
        if (recent.Count < 2)
        {
            return false;
        }
        var during = recent.Zip(recent.Skip(1)).All(p => p.Second.During > p.First.During);
        var mornings = recent.Select(s => s.NextMorning).ToList();
        var morningsBuild = mornings.All(m => m is not null) && mornings.Zip(mornings.Skip(1)).All(p => p.Second > p.First);
        return during || morningsBuild;
    }
}
