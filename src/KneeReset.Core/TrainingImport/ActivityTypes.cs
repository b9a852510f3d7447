namespace KneeReset.Core.TrainingImport;

/// <summary>Decides from the type or sport a file gives whether an activity is a run.</summary>
internal static class ActivityTypes
{
    /// <summary>Strava's GPX exports once wrote numeric types; 9 is a run.</summary>
    private const string StravaGpxRunCode = "9";

    /// <summary>
    /// A run is any type with a word "run"/"running", or a compound ending so: Run, Running, Trail Run,
    /// Treadmill Running, Virtual Run, trail_running, TrailRun. Everything else (Ride, Walk, Hike, Swim) is not.
    /// </summary>
    public static ActivityKind Classify(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return ActivityKind.Untyped;
        }
        var trimmed = type.Trim();
        if (trimmed == StravaGpxRunCode)
        {
            return ActivityKind.Run;
        }
        var words = trimmed.ToLowerInvariant().Split(
            [' ', '_', '-', '/', '(', ')', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w.EndsWith("run", StringComparison.Ordinal) || w.EndsWith("running", StringComparison.Ordinal))
            ? ActivityKind.Run
            : ActivityKind.Other;
    }
}
