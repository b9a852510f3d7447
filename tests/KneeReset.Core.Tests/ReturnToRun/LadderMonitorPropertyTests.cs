using CsCheck;
using KneeReset.Core.ReturnToRun;

namespace KneeReset.Core.Tests.ReturnToRun;

/// <summary>What the ladder must never do, over generated run histories.</summary>
public class LadderMonitorPropertyTests
{
    private static readonly DateOnly Start = LadderMonitorTests.Monday;
    private static readonly LadderMonitor Monitor = LadderMonitorTests.Monitor;

    /// <summary>A pain score, or unknown about a third of the time.</summary>
    private static Gen<int?> Maybe(int max) => Gen.Int[-5, max].Select(v => v < 0 ? (int?)null : v);

    /// <summary>Mostly comfortable runs, so histories climb the ladder as well as fall back.</summary>
    private static readonly Gen<LoggedRun> OneRun =
        Gen.Select(Gen.Int[0, 40], Gen.Frequency((3, Gen.Int[1, 2]), (1, Gen.Int[1, 7])), Gen.Frequency((8, Gen.Int[0, 2]), (1, Gen.Int[0, 10])), Gen.Frequency((5, Maybe(2)), (1, Maybe(6))), Gen.Frequency((8, Gen.Const(true)), (1, Gen.Const(false))),
            Gen.Frequency((12, Gen.Const((bool?)null)), (1, Gen.Const((bool?)true)), (3, Gen.Const((bool?)false))), Maybe(3),
            (day, stage, during, morning, completed, swelling, usual) => new LoggedRun($"d{day}s{stage}p{during}", Start.AddDays(day), stage, during, morning, completed, swelling, usual));

    /// <summary>Runs at random days and stages: rest days missed, stages skipped.</summary>
    private static readonly Gen<LoggedRun[]> Scattered = OneRun.Array[1, 20];

    /// <summary>
    /// A runner who mostly follows the advice: 1-3 days after the run before, at the open stage
    /// (else the generated one), so histories climb the ladder as well as fall back.
    /// </summary>
    private static readonly Gen<LoggedRun[]> Climbs =
        Gen.Select(OneRun, Gen.Int[1, 3], Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false)))).Array[1, 20].Select(templates =>
        {
            var runs = new List<LoggedRun>();
            foreach (var (run, gap, follows) in templates)
            {
                var on = runs.Count == 0 ? Start : runs[^1].On.AddDays(gap);
                var stage = follows && runs.Count > 0 ? Assess(runs).Stage ?? run.Stage : run.Stage;
                runs.Add(run with { Id = $"c{runs.Count}", On = on, Stage = stage });
            }
            return runs.ToArray();
        });

    private static readonly Gen<LoggedRun[]> Histories = Gen.OneOf(Scattered, Climbs);

    /// <summary>With the self-tests passed on the day of the first run, so the ladder is open.</summary>
    private static LadderAdvice Assess(IReadOnlyList<LoggedRun> runs) =>
        Monitor.Assess(runs, [.. LadderMonitorTests.Passed.Select(p => p with { On = runs.Min(r => r.On) })], Start.AddDays(60));

    [Fact]
    public void A_worse_last_run_never_makes_the_advice_less_cautious()
    {
        Gen.Select(Histories, Gen.Int[0, 4], Gen.Bool, Gen.Bool).Sample((history, more, stop, swell) =>
        {
            var last = history.MaxBy(r => r.On)!;
            var later = last with { Id = "later", On = last.On.AddDays(1 + (more % 2)) };
            var worse = later with
            {
                Id = "worse",
                During = Math.Min(10, later.During + more),
                NextMorning = later.NextMorning is { } m ? Math.Min(10, m + more) : null,
                Completed = later.Completed && !stop,
                Swelling = swell ? true : later.Swelling,
            };

            return LadderMonitor.Caution(Assess([.. history, worse]).Action) >= LadderMonitor.Caution(Assess([.. history, later]).Action);
        }, iter: PropertyIterations.Or(1000));
    }

    [Fact]
    public void No_stage_opens_without_a_rest_day_and_never_twice_within_the_minimum_days()
    {
        var gates = Monitor.Ladder.Gates;
        var apart = gates.RestDay.MinDaysBetweenRuns * gates.MoveUp.Completions;
        Histories.Sample(history =>
        {
            var moves = Assess(history).Runs.Where(s => s.Outcome == RunOutcome.MovedUp).ToList();
            return moves.All(s => !s.RestDayMissed)
                && moves.Zip(moves.Skip(1)).All(p => p.Second.Run.On.DayNumber - p.First.Run.On.DayNumber >= apart);
        }, iter: PropertyIterations.Or(1000));
    }

    [Fact]
    public void See_a_clinician_is_sticky_whatever_comes_after()
    {
        Gen.Select(Histories, OneRun.Array[1, 6]).Sample((history, more) =>
        {
            if (Assess(history).Action != LadderAction.SeeClinician)
            {
                return true;
            }
            var end = history.Max(r => r.On);
            var later = more.Select((r, i) => r with { Id = $"more{i}", On = end.AddDays(1 + 2 * i), During = Math.Min(r.During, 1), Swelling = false });
            var after = Assess([.. history, .. later]);
            return after.Action == LadderAction.SeeClinician && after.Escalation is not null;
        }, iter: PropertyIterations.Or(1000));
    }

    [Fact]
    public void The_open_stage_is_always_on_the_ladder()
    {
        Histories.Sample(history => Assess(history).Stage is { } stage && stage >= 1 && stage <= Monitor.Ladder.TopStage.Stage,
            iter: PropertyIterations.Or(500));
    }
}
