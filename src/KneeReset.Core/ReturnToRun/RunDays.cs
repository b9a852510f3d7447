namespace KneeReset.Core.ReturnToRun;

/// <summary>
/// The days a runner is reminded to run, for a calendar: the open stage from today, never sooner
/// than the ladder's rest after the last run, and each a rest apart (never the day after a run).
/// Pure: the ladder's reading and today's date decide; the next run logged moves them.
/// </summary>
public static class RunDays
{
    /// <summary>The next <paramref name="count"/> days to run, or none when the ladder gives no stage to run (closed, or done).</summary>
    /// <param name="advice">The ladder's reading of the runs; its stage is the one to run.</param>
    /// <param name="rest">Days from one run to the next (2: a rest day between).</param>
    public static IReadOnlyList<DateOnly> Next(LadderAdvice advice, int rest, DateOnly today, int count)
    {
        ArgumentNullException.ThrowIfNull(advice);
        ArgumentOutOfRangeException.ThrowIfLessThan(rest, 1);
        if (advice.Stage is null || count < 1 || advice.Action is not (LadderAction.Start or LadderAction.Repeat or LadderAction.MoveUp or LadderAction.StepBack))
        {
            return [];
        }
        var lastRun = advice.Runs.Count == 0 ? (DateOnly?)null : advice.Runs.Max(s => s.Run.On);
        var first = lastRun is { } last && last.AddDays(rest) > today ? last.AddDays(rest) : today;
        return [.. Enumerable.Range(0, count).Select(i => first.AddDays(i * rest))];
    }

    /// <summary>The weekday of a weekly check-in: the weekday the result was made, so a week is a week since the check.</summary>
    public static DayOfWeek CheckInDay(DateOnly resultMade) => resultMade.DayOfWeek;
}
