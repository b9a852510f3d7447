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
public sealed record IgnoredActivities(int NotRuns, int RunsWithoutDistance)
{
    public static IgnoredActivities None { get; } = new(0, 0);
}
