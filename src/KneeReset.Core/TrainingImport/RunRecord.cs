namespace KneeReset.Core.TrainingImport;

/// <summary>
/// One run as the import keeps it: its date, distance and duration. Positions, heart rate and the
/// rest of the file are read only to get here and then dropped.
/// </summary>
public sealed record RunRecord(DateOnly Date, double Km, TimeSpan? Duration);

/// <summary>The runs found in an upload, and how many activities were left out and why.</summary>
public sealed record ImportedRuns(IReadOnlyList<RunRecord> Runs, IgnoredActivities Ignored);

/// <summary>Activities left out of the figures, so the caller can say so.</summary>
/// <param name="NotRuns">Rides, walks, swims and any other activity whose type is not running.</param>
/// <param name="RunsWithoutDistance">Runs whose file gives neither a total distance nor a track to measure.</param>
/// <param name="OutOfRange">Runs with a distance, time or pace no one can run (<see cref="RunRanges"/>).</param>
/// <param name="OutsideDates">Runs dated outside the <see cref="RunRanges.WindowWeeks"/> weeks the figures look at (or outside the calendar).</param>
public sealed record IgnoredActivities(int NotRuns, int RunsWithoutDistance, int OutOfRange = 0, int OutsideDates = 0)
{
    public static IgnoredActivities None { get; } = new(0, 0);
}
