namespace KneeReset.Core.TrainingImport;

/// <summary>What a file says about an activity's type.</summary>
internal enum ActivityKind
{
    Run,
    /// <summary>No type given (common in GPX): counted as a run unless a typed copy says otherwise.</summary>
    Untyped,
    Other,
}

/// <summary>
/// An activity as read from one file, before duplicates are merged. <see cref="Start"/> is kept
/// only to find the same activity in two files; it never leaves the import.
/// </summary>
internal sealed record Activity(
    DateTimeOffset Start,
    DateOnly Date,
    double? Km,
    TimeSpan? Duration,
    ActivityKind Kind,
    bool KmFromFileTotal);

/// <summary>The file being read (for messages) and the runner's time zone (for dates).</summary>
internal sealed record ReadContext(string FileName, TimeZoneInfo TimeZone)
{
    /// <summary>The runner's calendar date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>An instant from a wall-clock time written in the runner's zone (Garmin's CSV writes local times).</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A time skipped by a daylight-saving change has no offset; the standard one is close enough for matching duplicates.
        var offset = TimeZone.IsInvalidTime(unspecified) ? TimeZone.BaseUtcOffset : TimeZone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }

    /// <summary>Keeps file content echoed in messages short.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public TrainingImportException Error(string message, Exception? inner = null) =>
        new(FileName, $"{FileName}: {message}", inner);
}
