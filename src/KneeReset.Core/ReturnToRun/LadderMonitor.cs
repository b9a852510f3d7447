using System.Globalization;
using KneeReset.Core.Recovery;
using KneeReset.Core.Rules;

namespace KneeReset.Core.ReturnToRun;

/// <summary>
/// The return-to-running ladder in time, read from <see cref="RunLadder"/>: open once the entry
/// self-tests pass, then each run counts, repeats or steps back by its pain during, its next
/// morning and any swelling; enough counting runs on non-consecutive days open the next stage.
/// Runs that say self-care isn't enough escalate to a clinician, with the time frame of the named
/// triage rule (as the pain model's escalations do), and stay escalated until a fresh start.
/// Pure: the caller passes the runs, the self-tests and today's date.
/// </summary>
public sealed class LadderMonitor(RunLadder ladder, PainModel pain, RuleSet rules)
{
    public RunLadder Ladder { get; } = ladder;

    /// <summary>How cautious an action is: see a clinician, then step back, then repeat or wait, then go on.</summary>
    public static int Caution(LadderAction action) => action switch
    {
        LadderAction.MoveUp or LadderAction.Complete or LadderAction.Start => 0,
        LadderAction.Repeat or LadderAction.NotReady => 1,
        LadderAction.StepBack => 2,
        _ => 3,
    };

    /// <param name="runs">Every run the runner logged, any order.</param>
    /// <param name="selfTests">Every self-test result, any order.</param>
    /// <param name="freshStart">The day of the latest check or clinician's plan: runs before it no longer escalate.</param>
    public LadderAdvice Assess(IReadOnlyList<LoggedRun> runs, IReadOnlyList<LoggedSelfTest> selfTests, DateOnly today, DateOnly? freshStart = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(selfTests);
        var ordered = runs.Select((r, i) => (r, i)).OrderBy(x => x.r.On).ThenBy(x => x.i).Select(x => x.r).ToList();
        var steps = Walk(ordered);
        var stage = steps.Count == 0 ? 1 : steps[^1].StageAfter;
        var progress = Ladder.Stages
            .Select(s => new StageProgress(s, steps.Count(x => x.Run.Stage == s.Stage && x.Outcome is RunOutcome.Counted or RunOutcome.MovedUp or RunOutcome.Completed)))
            .ToList();
        LadderAdvice Advise(LadderAction action, int? at, string reason, IReadOnlyList<string>? missing = null, Escalation? escalation = null) =>
            new(action, at, reason, missing ?? [], escalation, progress, steps);

        if (Escalate(steps, freshStart ?? DateOnly.MinValue) is { } escalation)
        {
            return Advise(LadderAction.SeeClinician, stage, escalation.Reason, escalation: escalation);
        }
        var missing = Missing(selfTests, ordered.Count > 0 ? ordered[0].On : today);
        if (missing.Count > 0)
        {
            return Advise(LadderAction.NotReady, null, $"Before the first run, each self-test must pass with pain of {Ladder.Entry.PainMax}/10 or less, done in the {Ladder.Entry.ValidForDays} days before: {string.Join("; ", missing)}.", missing);
        }
        if (steps.Count == 0)
        {
            return Advise(LadderAction.Start, 1, $"The self-tests passed. Start with stage 1: {Describe(Ladder.Stages[0])}. {Ladder.Ladder.Conditions}");
        }
        var last = steps[^1];
        var next = Day(last.Run.On.AddDays(Ladder.Gates.RestDay.MinDaysBetweenRuns));
        var open = Ladder.Stages[stage - 1];
        return last.Outcome switch
        {
            RunOutcome.MovedUp => Advise(LadderAction.MoveUp, stage, $"{last.Why} Move up to stage {stage} next time, from {next}: {Describe(open)}."),
            RunOutcome.Completed => Advise(LadderAction.Complete, stage, $"{last.Why} The ladder is done: build your running from here a little at a time, keeping to the same pain rules."),
            RunOutcome.StepBack => Advise(LadderAction.StepBack, stage, $"{last.Why} Go back to stage {stage} from {next}: {Describe(open)}."),
            _ => Advise(LadderAction.Repeat, stage, $"{last.Why} Repeat stage {stage} from {next}: {Describe(open)}."),
        };
    }

    /// <summary>Each run in order, moving the open stage up or back.</summary>
    private List<RunStep> Walk(List<LoggedRun> ordered)
    {
        var gates = Ladder.Gates;
        var steps = new List<RunStep>();
        var stage = 1;
        var counted = new List<LoggedRun>();
        DateOnly? lastDay = null;
        foreach (var run in ordered)
        {
            var restMissed = lastDay is { } before && run.On.DayNumber - before.DayNumber < gates.RestDay.MinDaysBetweenRuns;
            lastDay = run.On;
            if (TooMuch(run) is { } tooMuch)
            {
                stage = Math.Max(1, stage - 1);
                counted.Clear();
                steps.Add(new(run, RunOutcome.StepBack, stage, restMissed, tooMuch));
                continue;
            }
            if (NotCounting(run, stage, restMissed) is { } why)
            {
                steps.Add(new(run, RunOutcome.Repeat, stage, restMissed, why));
                continue;
            }
            counted.Add(run);
            var figures = $"pain during {string.Join(", then ", counted.Select(r => $"{r.During}/10"))}, settled each next morning";
            if (counted.Count < gates.MoveUp.Completions)
            {
                steps.Add(new(run, RunOutcome.Counted, stage, restMissed, $"The run on {Day(run.On)} counts: {counted.Count} of {gates.MoveUp.Completions} at stage {stage} ({figures})."));
                continue;
            }
            var done = $"Stage {stage} counted on {string.Join(" and ", counted.Select(r => Day(r.On)))} ({figures}).";
            counted.Clear();
            if (stage == Ladder.TopStage.Stage)
            {
                steps.Add(new(run, RunOutcome.Completed, stage, restMissed, done));
                continue;
            }
            stage++;
            steps.Add(new(run, RunOutcome.MovedUp, stage, restMissed, done));
        }
        return steps;
    }

    /// <summary>Why this run was more than the knee could take, or null.</summary>
    private string? TooMuch(LoggedRun run)
    {
        var above = Ladder.Gates.StepBack.DuringAbove;
        return run.During > above ? $"Pain of {run.During}/10 during the run on {Day(run.On)} is more than the knee should take (over {above})."
            : run.NextMorning is { } morning && morning > SettledAt(run) ? $"The morning after the run on {Day(run.On)} the pain was {morning}/10, above {Reference(run)}: it had not settled overnight."
            : run.Swelling == true ? $"The knee swelled after the run on {Day(run.On)}."
            : null;
    }

    /// <summary>Why a run that was not too much still doesn't count toward the next stage, or null when it counts.</summary>
    private string? NotCounting(LoggedRun run, int stage, bool restMissed)
    {
        var max = Ladder.Gates.Counts.DuringMax;
        var day = Day(run.On);
        return !run.Completed ? $"The run on {day} was stopped early: it doesn't count toward the next stage."
            : run.During > max ? $"Pain of {run.During}/10 during the run on {day} is acceptable but more than {max}/10: it doesn't count toward the next stage."
            : run.Stage != stage ? $"The run on {day} was stage {run.Stage} while stage {stage} is open: only the open stage counts."
            : restMissed ? $"The run on {day} came without a rest day after the run before: rest a day between runs; it doesn't count toward the next stage."
            : run.NextMorning is null ? $"Pain stayed at {run.During}/10 during the run on {day}. Give the next morning's pain: the run counts once the knee was back to its usual level by then."
            : null;
    }

    private int SettledAt(LoggedRun run) => run.Usual ?? pain.Morning.SettledWithoutUsual;

    private string Reference(LoggedRun run) =>
        run.Usual is { } usual ? $"your usual {usual}/10" : $"{pain.Morning.SettledWithoutUsual}/10 (give your usual pain to compare with)";

    /// <summary>Each self-test not passed by <paramref name="asOf"/>: its latest result in the window decides.</summary>
    private List<string> Missing(IReadOnlyList<LoggedSelfTest> results, DateOnly asOf)
    {
        var entry = Ladder.Entry;
        var from = asOf.AddDays(-entry.ValidForDays);
        var missing = new List<string>();
        foreach (var test in entry.SelfTests)
        {
            var latest = results.Select((r, i) => (r, i))
                .Where(x => x.r.Test == test.Id && x.r.On >= from && x.r.On <= asOf)
                .OrderBy(x => x.r.On).ThenBy(x => x.i).Select(x => x.r).LastOrDefault();
            if (latest is null)
            {
                missing.Add($"{test.Name}: not done yet");
            }
            else if (!latest.Passed)
            {
                missing.Add($"{test.Name}: did not pass on {Day(latest.On)}");
            }
            else if (latest.Pain > entry.PainMax)
            {
                missing.Add($"{test.Name}: pain of {latest.Pain}/10 on {Day(latest.On)}, more than {entry.PainMax}/10");
            }
        }
        return missing;
    }

    private Escalation? Escalate(List<RunStep> steps, DateOnly freshStart)
    {
        var found = new List<Escalation>();
        foreach (var rule in Ladder.Escalations)
        {
            var hit = rule.Kind switch
            {
                LadderEscalationKind.SevereRun => steps.Select(s => s.Run).FirstOrDefault(r => r.On >= freshStart && r.During >= rule.DuringAtLeast) is { } r
                    ? (r.During.ToString(CultureInfo.InvariantCulture), r.On) : ((string, DateOnly)?)null,
                LadderEscalationKind.StepBacksInARow => InARow(steps, rule.StepBacksInARow!.Value, freshStart),
                LadderEscalationKind.SwellingRuns => Swelling(steps, rule.SwellingRuns!.Value, freshStart),
                _ => null,
            };
            if (hit is { } h)
            {
                var frame = rules.Triage.First(t => t.Id == rule.Rule).TimeFrame;
                found.Add(new Escalation(rule.Id, rule.Reason.Replace("{value}", h.Item1, StringComparison.Ordinal).Replace("{date}", Day(h.Item2), StringComparison.Ordinal), frame, h.Item2));
            }
        }
        // The most urgent first; of equals, the one that came first.
        return found.OrderByDescending(e => e.TimeFrame).ThenBy(e => e.Since).FirstOrDefault();
    }

    private static (string, DateOnly)? InARow(List<RunStep> steps, int count, DateOnly freshStart)
    {
        var inARow = new List<LoggedRun>();
        foreach (var step in steps)
        {
            if (step.Outcome == RunOutcome.StepBack && step.Run.On >= freshStart)
            {
                inARow.Add(step.Run);
                if (inARow.Count >= count)
                {
                    return ("after " + string.Join(" and ", inARow.Select(r => Day(r.On))), inARow[^1].On);
                }
            }
            else
            {
                inARow.Clear();
            }
        }
        return null;
    }

    private static (string, DateOnly)? Swelling(List<RunStep> steps, int count, DateOnly freshStart)
    {
        var swollen = steps.Select(s => s.Run).Where(r => r.On >= freshStart && r.Swelling == true).Take(count).ToList();
        return swollen.Count >= count ? (string.Join(" and ", swollen.Select(r => Day(r.On))), swollen[^1].On) : null;
    }

    /// <summary>A stage in words: "1 minute running, 4 minutes walking, 6 times (30 minutes)".</summary>
    public static string Describe(RunStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Continuous
            ? $"{Minutes(stage.RunMinutes)} running without a break"
            : $"{Minutes(stage.RunMinutes)} running, {Minutes(stage.WalkMinutes)} walking, {stage.Repeats} times ({Minutes(stage.TotalMinutes)})";
    }

    private static string Minutes(double minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes:0.#} {(minutes == 1 ? "minute" : "minutes")}");

    private static string Day(DateOnly day) => day.ToString("d MMMM", CultureInfo.InvariantCulture);
}
