using System.Globalization;
using KneeReset.Core.Rules;

namespace KneeReset.Core.Recovery;

/// <summary>
/// The pain-monitoring model in time (Thomeé 1997; Silbernagel et al. 2007), read from
/// <see cref="PainModel"/>: pain during a session within range, back to the usual level by the
/// next morning, not building from session to session, and progress only after comfortable
/// sessions at least a week apart. It also knows when to stop: sessions that say self-care isn't
/// enough escalate to a clinician, and stay escalated until a new check or a clinician's plan.
/// Pure: the caller passes the sessions and today's date.
/// </summary>
public sealed class PainMonitor(PainModel model, RuleSet rules)
{
    /// <summary>How many of a routine's latest sessions the trend looks at.</summary>
    public const int TrendSessions = 3;

    public PainModel Model { get; } = model;

    /// <summary>Why a session can't be logged for this day, or null when it can.</summary>
    public string? DateProblem(DateOnly on, DateOnly today) =>
        on > today ? "A session can't be logged for a day that hasn't come yet."
        : today.DayNumber - on.DayNumber > Model.Dates.MaxDaysBack ? $"A session can be logged at most {Model.Dates.MaxDaysBack} days back."
        : null;

    /// <param name="sessions">Every session the runner logged, any order.</param>
    /// <param name="freshStart">The day of the latest check or clinician's plan: sessions before it no longer escalate.</param>
    public RecoveryState Assess(IReadOnlyList<LoggedSession> sessions, DateOnly today, DateOnly? freshStart = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var ordered = sessions.Select((s, i) => (s, i)).OrderBy(x => x.s.On).ThenBy(x => x.i).Select(x => x.s).ToList();
        var baseline = ordered.FirstOrDefault(s => s.Usual is not null)?.Usual;
        var byRoutine = ordered.GroupBy(s => s.Routine, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var escalation = Escalate(ordered, byRoutine, baseline, freshStart ?? DateOnly.MinValue);

        var routines = byRoutine
            .Select(list => new RoutineAdvice(list[0].Routine, list.Count, escalation is not null
                ? new Advice(PainAction.SeeClinician, escalation.Reason)
                : AdviseRoutine(list, baseline, CurrentUsual(ordered), today)))
            .ToList();
        var pending = ordered
            .Where(s => s.NextMorning is null && s.On < today && today.DayNumber - s.On.DayNumber <= Model.Morning.AnswerableDays)
            .ToList();
        // The most cautious routine's advice speaks for the whole plan.
        var overall = routines.Select(r => r.Advice).OrderByDescending(a => Caution(a.Action)).FirstOrDefault();
        return new RecoveryState(overall, routines, baseline, escalation, pending);
    }

    /// <summary>How cautious an action is: see a clinician, then step back, hold, progress.</summary>
    public static int Caution(PainAction action) => action switch
    {
        PainAction.Progress => 0,
        PainAction.Hold => 1,
        PainAction.StepBack => 2,
        _ => 3,
    };

    /// <summary>The advice for one routine from its sessions, oldest first, before any escalation.</summary>
    private Advice AdviseRoutine(List<LoggedSession> sessions, int? baseline, int? currentUsual, DateOnly today)
    {
        var latest = sessions[^1];
        var comfortableMax = ComfortableMax(latest);
        if (latest.During > Model.Zones.AcceptableMax)
        {
            return new(PainAction.StepBack, $"Pain of {latest.During}/10 during the session on {Day(latest.On)} is more than the knee should take (over {Model.Zones.AcceptableMax}). Next time use the easier variation or fewer reps.");
        }
        if (latest.NextMorning is { } morning && !Settled(latest))
        {
            return new(PainAction.StepBack, $"The morning after {Day(latest.On)} the pain was {morning}/10, above {Reference(latest)}: it had not settled overnight. Step back a little until it settles by the morning.");
        }
        var recent = sessions.TakeLast(TrendSessions).ToList();
        if (Builds(recent.Select(s => (int?)s.NextMorning).ToList()))
        {
            return new(PainAction.StepBack, $"Next-morning pain went {Trend(recent.Select(s => s.NextMorning!.Value))}: it is building from session to session. Step back a little until it stops rising.");
        }
        if (Builds(recent.Select(s => (int?)s.During).ToList()))
        {
            var trend = Trend(recent.Select(s => s.During));
            return latest.During > comfortableMax
                ? new(PainAction.StepBack, $"Pain during your last sessions went {trend}: it is building from session to session. Step back a little until it stops rising.")
                : new(PainAction.Hold, $"Pain during your last sessions went {trend}: still within range, but creeping up. Keep the same dose until it stops rising.");
        }
        if (baseline is { } first && currentUsual is { } usual && usual >= first + Model.Baseline.RisingBy)
        {
            return new(PainAction.Hold, $"Your usual pain has gone from {first}/10 at your first session to {usual}/10: the knee is worse day to day. Keep the same dose, no progress until it comes back down.");
        }
        if (latest.During > comfortableMax)
        {
            return new(PainAction.Hold, $"Pain of {latest.During}/10 during the session is acceptable ({Model.Zones.SafeMax + 1}-{Model.Zones.AcceptableMax}). Keep the same dose until it drops to {comfortableMax} or less.");
        }
        if (latest.NextMorning is null)
        {
            return new(PainAction.Hold, $"Pain stayed at {latest.During}/10 during the session on {Day(latest.On)}. {AskForMorning(latest.On, today)}: progress needs the knee back to its usual level by the morning.");
        }
        return ProgressOrHold(sessions);
    }

    /// <summary>
    /// The latest session was comfortable: progress when enough comfortable sessions, the first at
    /// least a week before the last, run up to it with nothing worse in between.
    /// </summary>
    private Advice ProgressOrHold(List<LoggedSession> sessions)
    {
        var run = new List<LoggedSession>();
        for (var i = sessions.Count - 1; i >= 0 && NoWorse(sessions[i]); i--)
        {
            run.Insert(0, sessions[i]);
        }
        var comfortable = run.Where(Comfortable).ToList();
        var latest = comfortable[^1];
        var first = comfortable[0];
        var apart = latest.On.DayNumber - first.On.DayNumber;
        if (comfortable.Count >= Model.Progress.ComfortableSessions && apart >= Model.Progress.MinDaysApart)
        {
            return new(PainAction.Progress, $"Comfortable from {Day(first.On)} to {Day(latest.On)} ({comfortable.Count} sessions, pain during {Trend(comfortable.Select(s => s.During))}, back to your usual level each next morning): you can progress to more reps or the harder variation.");
        }
        var from = first.On.AddDays(Model.Progress.MinDaysApart);
        return new(PainAction.Hold, comfortable.Count == 1 && first.On == latest.On
            ? $"A comfortable session on {Day(latest.On)}. Keep the same dose: progress needs another comfortable session at least {Model.Progress.MinDaysApart} days later (from {Day(from)}), with nothing worse in between."
            : $"Comfortable since {Day(first.On)}. Keep the same dose until {Day(from)}: tendons and muscles adapt over weeks, so progress needs comfortable sessions at least {Model.Progress.MinDaysApart} days apart.");
    }

    private Escalation? Escalate(List<LoggedSession> ordered, List<List<LoggedSession>> byRoutine, int? baseline, DateOnly freshStart)
    {
        var found = new List<Escalation>();
        foreach (var rule in Model.Escalations)
        {
            var frame = rules.Triage.First(t => t.Id == rule.Rule).TimeFrame;
            var hit = rule.Kind switch
            {
                EscalationKind.SevereSession => SevereSession(ordered, rule, freshStart),
                EscalationKind.MorningsUnsettled => MorningsUnsettled(ordered, rule, freshStart),
                EscalationKind.StepBacksInARow => StepBacks(byRoutine, rule, baseline, freshStart),
                EscalationKind.BaselineRising => BaselineRising(ordered, rule, baseline, freshStart),
                _ => null,
            };
            if (hit is { } h)
            {
                found.Add(new Escalation(rule.Id, rule.Reason.Replace("{value}", h.Value, StringComparison.Ordinal).Replace("{date}", Day(h.Since), StringComparison.Ordinal), frame, h.Since));
            }
        }
        // The most urgent first; of equals, the one that came first.
        return found.OrderByDescending(e => e.TimeFrame).ThenBy(e => e.Since).FirstOrDefault();
    }

    private static (string Value, DateOnly Since)? SevereSession(List<LoggedSession> ordered, EscalationRule rule, DateOnly freshStart) =>
        ordered.FirstOrDefault(s => s.On >= freshStart && s.During >= rule.DuringAtLeast) is { } s ? (s.During.ToString(CultureInfo.InvariantCulture), s.On) : null;

    private (string Value, DateOnly Since)? MorningsUnsettled(List<LoggedSession> ordered, EscalationRule rule, DateOnly freshStart)
    {
        var logged = ordered.Where(s => s.On >= freshStart && s.NextMorning is not null).ToList();
        for (var i = 0; i + rule.InARow <= logged.Count; i++)
        {
            var window = logged.Skip(i).Take(rule.InARow).ToList();
            if (window.All(s => s.NextMorning >= (s.Usual ?? Model.Morning.SettledWithoutUsual) + rule.MorningAboveUsualBy))
            {
                return (string.Join(", ", window.Select(s => $"{s.NextMorning}/10 after {Day(s.On)}")), window[^1].On);
            }
        }
        return null;
    }

    private (string Value, DateOnly Since)? StepBacks(List<List<LoggedSession>> byRoutine, EscalationRule rule, int? baseline, DateOnly freshStart)
    {
        foreach (var sessions in byRoutine)
        {
            var inARow = new List<LoggedSession>();
            for (var n = 1; n <= sessions.Count; n++)
            {
                var prefix = sessions.Take(n).ToList();
                var usual = prefix.LastOrDefault(s => s.Usual is not null)?.Usual;
                if (prefix[^1].On >= freshStart && AdviseRoutine(prefix, baseline, usual, prefix[^1].On).Action == PainAction.StepBack)
                {
                    inARow.Add(prefix[^1]);
                    if (inARow.Count >= rule.StepBacksInARow)
                    {
                        return ("after " + string.Join(" and ", inARow.Select(s => Day(s.On))), inARow[^1].On);
                    }
                }
                else
                {
                    inARow.Clear();
                }
            }
        }
        return null;
    }

    private (string Value, DateOnly Since)? BaselineRising(List<LoggedSession> ordered, EscalationRule rule, int? baseline, DateOnly freshStart)
    {
        if (baseline is not { } first)
        {
            return null;
        }
        var rising = new List<LoggedSession>();
        foreach (var s in ordered.Where(s => s.Usual is not null))
        {
            if (s.Usual >= first + Model.Baseline.RisingBy)
            {
                rising.Add(s);
                if (s.On >= freshStart && rising[^1].On.DayNumber - rising[0].On.DayNumber >= rule.RisingForDays)
                {
                    return ($"from {first}/10 to {s.Usual}/10 since {Day(rising[0].On)}", s.On);
                }
            }
            else
            {
                rising.Clear();
            }
        }
        return null;
    }

    private int ComfortableMax(LoggedSession s) => s.Tendon ? Model.Progress.TendonComfortableMax : Model.Progress.OtherComfortableMax;

    /// <summary>Back to the usual level by the next morning; without a usual level, no more than the model's settled pain.</summary>
    private bool Settled(LoggedSession s) => s.NextMorning is not { } morning || morning <= (s.Usual ?? Model.Morning.SettledWithoutUsual);

    private bool Comfortable(LoggedSession s) => s.During <= ComfortableMax(s) && s.NextMorning is not null && Settled(s);

    /// <summary>Within the comfortable range, and settled if the morning is known.</summary>
    private bool NoWorse(LoggedSession s) => s.During <= ComfortableMax(s) && Settled(s);

    private string Reference(LoggedSession s) =>
        s.Usual is { } usual ? $"your usual {usual}/10" : $"{Model.Morning.SettledWithoutUsual}/10 (give your usual pain to compare with)";

    private static int? CurrentUsual(List<LoggedSession> ordered) => ordered.LastOrDefault(s => s.Usual is not null)?.Usual;

    /// <summary>Known at every one of at least <see cref="TrendSessions"/> sessions and higher each time.</summary>
    private static bool Builds(List<int?> values) =>
        values.Count >= TrendSessions && values.All(v => v is not null) && values.Zip(values.Skip(1)).All(p => p.Second > p.First);

    private static string Trend(IEnumerable<int> values) => string.Join(", then ", values.Select(v => $"{v}/10"));

    /// <summary>Which morning to give, said from today: the session may have been logged days after it was done.</summary>
    private string AskForMorning(DateOnly on, DateOnly today) => (today.DayNumber - on.DayNumber) switch
    {
        <= 0 => "Give tomorrow morning's pain",
        1 => "Give this morning's pain",
        var days when days <= Model.Morning.AnswerableDays => $"Give the pain on the morning after {Day(on)}",
        _ => $"The morning after {Day(on)} is too long ago to give; give the morning after your next session",
    };

    private static string Day(DateOnly day) => day.ToString("d MMMM", CultureInfo.InvariantCulture);
}
