using System.Globalization;

namespace KneeReset.Core.ReturnToRun;

public enum RunMatchKind
{
    /// <summary>The run's time is an open stage's, within the tolerance.</summary>
    Stage,
    /// <summary>Longer than every open stage: more than the ladder allows yet.</summary>
    LongerThanOpen,
    /// <summary>Shorter than every open stage: not a whole stage.</summary>
    ShorterThanOpen,
    /// <summary>Between two open stages' times, close to neither.</summary>
    NoStage,
}

/// <summary>Which open stage a recorded run matches, or why none does, in words.</summary>
/// <param name="Stage">The stage proposed; null when none matches.</param>
public sealed record RunMatch(RunMatchKind Kind, int? Stage, string Reason)
{
    public bool Matched => Stage is not null;
}

/// <summary>
/// Matches a run recorded on a watch or phone (its total time, from the training import) to the
/// ladder's open stages by each stage's total time, run and walk together
/// (content/return-to-run.json, gates.recordedRun).
/// </summary>
public static class RunMatching
{
    /// <param name="openStage">The stage the ladder has open: stages above it are never proposed.</param>
    public static RunMatch Match(RunLadder ladder, int openStage, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentOutOfRangeException.ThrowIfLessThan(openStage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(openStage, ladder.Stages.Count);
        var tolerance = ladder.Gates.RecordedRun.ToleranceMinutes;
        var minutes = duration.TotalMinutes;
        var open = ladder.Stages.Take(openStage).ToList();
        // The highest open stage it matches: when stages share one length (as ours do), the open one;
        // the runner can still choose one below when confirming.
        if (open.LastOrDefault(s => Math.Abs(s.TotalMinutes - minutes) <= tolerance) is { } stage)
        {
            return new(RunMatchKind.Stage, stage.Stage,
                $"This {Minutes(minutes)}-minute run matches stage {stage.Stage}: {Minutes(stage.TotalMinutes)} minutes in all, give or take {Minutes(tolerance)}.");
        }
        // Of stages as long, the highest: the open one names the ladder's reach.
        var longest = open.OrderBy(s => s.TotalMinutes).ThenBy(s => s.Stage).Last();
        if (minutes > longest.TotalMinutes + tolerance)
        {
            return new(RunMatchKind.LongerThanOpen, null,
                $"That's more than your ladder allows yet: this run took {Minutes(minutes)} minutes, and stage {longest.Stage}, the longest open to you, is {Minutes(longest.TotalMinutes)} minutes in all. "
                + "Keep to the open stage's time; longer runs wait until the ladder gets there.");
        }
        var shortest = open.MinBy(s => s.TotalMinutes)!;
        return minutes < shortest.TotalMinutes - tolerance
            ? new(RunMatchKind.ShorterThanOpen, null,
                $"This run took {Minutes(minutes)} minutes, shorter than any open stage (stage {shortest.Stage} is {Minutes(shortest.TotalMinutes)} minutes in all), so it matches no open stage. "
                + "If you stopped a stage early, log it with the run form as stopped early.")
            : new(RunMatchKind.NoStage, null,
                $"This run took {Minutes(minutes)} minutes, which matches no open stage's time. Log a stage run with the run form.");
    }

    private static string Minutes(double minutes) => minutes.ToString("0.#", CultureInfo.InvariantCulture);
}
