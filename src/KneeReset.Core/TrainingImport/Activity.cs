using System.Globalization;

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
/// only to find the same activity in two files; it never leaves the import. <see cref="Date"/> is
/// null when the start is outside the calendar the import accepts (<see cref="RunRanges"/>);
/// <see cref="Seconds"/> stays a plain number until it is checked, so no value can overflow a TimeSpan.
/// </summary>
internal sealed record Activity(
    DateTimeOffset Start,
    DateOnly? Date,
    double? Km,
    double? Seconds,
    ActivityKind Kind,
    bool KmFromFileTotal,
    int File);

/// <summary>
/// The file being read (for messages), the runner's time zone (for dates), and what the whole
/// upload shares: how many activities it may still hold and whether the request was given up.
/// </summary>
internal sealed record ReadContext(string FileName, TimeZoneInfo TimeZone)
{
    /// <summary>The file's place in the upload, so what is left out can be told per file.</summary>
    public int FileIndex { get; init; }

    public CancellationToken Cancellation { get; init; }

    public ActivityBudget Budget { get; init; } = new(ImportLimits.MaxActivities);

    /// <summary>Counts one more activity against the upload's limit, as soon as the reader meets it.</summary>
    public void CountActivity()
    {
        if (!Budget.TryTake())
        {
            throw new TrainingImportException(FileName,
                $"{FileName}: the files hold more than {Budget.Limit.ToString("N0", CultureInfo.InvariantCulture)} activities, "
                + "the most one upload may hold. Add fewer files, or only the last six months.");
        }
        Cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>An activity read from this file (counted with <see cref="CountActivity"/>).</summary>
    public Activity Activity(DateTimeOffset start, double? km, double? seconds, ActivityKind kind, bool kmFromFileTotal) =>
        new(start, DateOf(start), km, seconds, kind, kmFromFileTotal, FileIndex);

    /// <summary>The runner's calendar date of an instant; null when it is outside the calendar the import accepts.</summary>
    public DateOnly? DateOf(DateTimeOffset instant) =>
        RunRanges.InCalendar(instant)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime)
            : null;

    /// <summary>An instant from a wall-clock time written in the runner's zone (Garmin's CSV writes local times).</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!RunRanges.InCalendar(new DateTimeOffset(unspecified, TimeSpan.Zero)))
        {
            // Far outside the window anyway; an offset at the calendar's edge would overflow.
            return new DateTimeOffset(unspecified, TimeSpan.Zero);
        }
        // A time skipped by a daylight-saving change has no offset; the standard one is close enough for matching duplicates.
        var offset = TimeZone.IsInvalidTime(unspecified) ? TimeZone.BaseUtcOffset : TimeZone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }

    /// <summary>Keeps file content echoed in messages short.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public TrainingImportException Error(string message, Exception? inner = null) =>
        new(FileName, $"{FileName}: {message}", inner);
}

/// <summary>How many more activities one upload may hold, shared by the readers of all its files.</summary>
internal sealed class ActivityBudget(int limit)
{
    private int _taken;

    public int Limit => limit;

    public bool TryTake() => ++_taken <= limit;
}
