namespace KneeReset.Core.TrainingImport;

/// <summary>
/// How much one upload may hold. The constants are the app's limits (the API sets its request
/// limits from them too); the record lets tests use small ones.
/// </summary>
public sealed record ImportLimits(int FileBytes, int Files, long UploadBytes)
{
    /// <summary>20 MB: a long GPX with every second recorded is a few MB.</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public const int MaxFiles = 400;

    /// <summary>All files together; a whole Strava activities folder rarely needs more.</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public static ImportLimits Default { get; } = new(MaxFileBytes, MaxFiles, MaxUploadBytes);
}
