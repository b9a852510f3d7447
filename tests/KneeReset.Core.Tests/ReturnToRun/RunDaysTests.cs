using KneeReset.Core.ReturnToRun;
using static KneeReset.Core.Tests.ReturnToRun.LadderMonitorTests;

namespace KneeReset.Core.Tests.ReturnToRun;

/// <summary>The days the calendar reminds a runner to run: from today, a rest day after the last run, never two days in a row, none unless a stage is to be run.</summary>
public class RunDaysTests
{
    private static int Rest => LadderMonitorTests.Monitor.Ladder.Gates.RestDay.MinDaysBetweenRuns;

    /// <summary>Every self-test passed ten days before day 0: still valid for runs from a week before it.</summary>
    private static readonly LoggedSelfTest[] PassedEarlier = [.. Passed.Select(t => t with { On = Monday.AddDays(-10) })];

    private static IReadOnlyList<DateOnly> Next(DateOnly today, params LoggedRun[] runs) =>
        RunDays.Next(LadderMonitorTests.Monitor.Assess(runs, PassedEarlier, today), Rest, today, 3);

    [Fact]
    public void Before_the_first_run_the_runs_start_today_each_a_rest_day_apart()
    {
        Assert.Equal([Monday, Monday.AddDays(2), Monday.AddDays(4)], Next(Monday));
    }

    [Fact]
    public void A_run_today_or_yesterday_puts_the_next_after_a_rest_day_never_the_day_after()
    {
        Assert.Equal([Monday.AddDays(2), Monday.AddDays(4), Monday.AddDays(6)], Next(Monday, Run(0, 1)));
        Assert.Equal([Monday.AddDays(1), Monday.AddDays(3), Monday.AddDays(5)], Next(Monday, Run(-1, 1)));
        Assert.Equal([Monday, Monday.AddDays(2), Monday.AddDays(4)], Next(Monday, Run(-5, 1)));
    }

    [Fact]
    public void No_run_day_comes_the_day_after_a_run_or_after_another_whatever_the_runs()
    {
        for (var last = -6; last <= 0; last++)
        {
            var days = Next(Monday, Run(last - 3, 1), Run(last, 1, during: 4));
            Assert.Equal(3, days.Count);
            Assert.All(days, d => Assert.True(d.DayNumber - Monday.AddDays(last).DayNumber >= Rest, $"{d} follows the run on {Monday.AddDays(last)}"));
            Assert.All(days.Zip(days.Skip(1)), p => Assert.Equal(Rest, p.Second.DayNumber - p.First.DayNumber));
            Assert.All(days, d => Assert.True(d >= Monday));
        }
    }

    [Fact]
    public void A_closed_or_finished_ladder_has_no_run_days()
    {
        var closed = LadderMonitorTests.Monitor.Assess([], [], Monday);
        var escalated = LadderMonitorTests.Monitor.Assess([Run(-2, 1, during: 9)], Passed, Monday);

        Assert.Empty(RunDays.Next(closed, Rest, Monday, 3));
        Assert.Equal(LadderAction.SeeClinician, escalated.Action);
        Assert.Empty(RunDays.Next(escalated, Rest, Monday, 3));
    }
}
