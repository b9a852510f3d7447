namespace KneeReset.Core.TrainingImport;

/// <summary>
/// How much one upload may hold and make the app hold. The constants are the app's limits (the
/// API sets its request limits from them too); the record lets tests use small ones. Every limit
/// bounds memory or work by the size of the upload, never by what the files claim.
/// </summary>
public sealed record ImportLimits(int FileBytes, int Files, long UploadBytes)
{
    /// <summary>20 MB: a long GPX with every second recorded is a few MB.</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public const int MaxFiles = 400;

    /// <summary>
    /// All files together, counted unpacked (so 400 small gzipped files cannot carry 8 GB to
    /// parse): some 60 hour-long GPX runs recorded every second (the 26 weeks that count hold
    /// about 80 runs, and most watches record less often), or decades of an activities.csv.
    /// Parsing this much costs about 120 times the CPU of a year's activities.csv
    /// (bench/import-memory.sh), the most one upload may cost (100 MB cost 190 times).
    /// </summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Activities of every kind and date read from one upload (each copy counted): a decade of
    /// Strava's activities.csv with rides and walks stays under it. Reading stops at the first one past it.
    /// </summary>
    public const int MaxActivities = 10_000;

    /// <summary>Runs dated in the window: more than five a day for 26 weeks. Bounds the spikes returned and stored.</summary>
    public const int MaxRunsInWindow = 1_000;

    /// <summary>
    /// How deep elements may nest. GPX and TCX need 7 (a TCX position is 6 deep), extensions a few
    /// more; the reader keeps state for every open element, so a deeper document is refused as it is read.
    /// </summary>
    public const int MaxXmlDepth = 32;

    /// <summary>
    /// Distinct element and attribute names in one file. The reader keeps every name it meets;
    /// GPX and TCX with their extensions use under a hundred, and a flood of attributes needs new names.
    /// </summary>
    public const int MaxXmlNames = 1_000;

    /// <summary>Attributes on one element; a track point has two, a TCX Activity one, namespace declarations a few.</summary>
    public const int MaxXmlAttributes = 64;

    public static ImportLimits Default { get; } = new(MaxFileBytes, MaxFiles, MaxUploadBytes);

    /// <inheritdoc cref="MaxActivities"/>
    public int Activities { get; init; } = MaxActivities;

    /// <inheritdoc cref="MaxRunsInWindow"/>
    public int RunsInWindow { get; init; } = MaxRunsInWindow;
}
