using System.Globalization;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// The one way in: a runner's files (GPX, TCX, a Strava activities.csv, a Garmin Connect activity
/// list, in any mix) to their runs and training-load figures. Streams are read, not disposed:
/// the caller owns them. Each file is read into memory (at most <see cref="ImportLimits.FileBytes"/>)
/// and parsed before the next is read, so an upload holds one file's bytes at a time.
/// </summary>
public static class TrainingImporter
{
    /// <summary>
    /// Starts this close are one activity seen twice (the same run in a GPX file and in the CSV).
    /// Two real activities never start two minutes apart.
    /// </summary>
    public static readonly TimeSpan SameActivityWindow = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Reads the files and works out the figures (see <see cref="TrainingFigures.Summarise"/>) from
    /// the runs of the <see cref="RunRanges.WindowWeeks"/> weeks up to <paramref name="asOf"/>.
    /// </summary>
    /// <param name="asOf">The day the figures look back from; the latest run's date when null.</param>
    /// <param name="timeZone">The runner's zone, which decides the date of a run near midnight; UTC when null.</param>
    /// <exception cref="TrainingImportException">A file, or the upload as a whole, cannot be read, or no run in it can be used.</exception>
    /// <exception cref="OperationCanceledException">The request was given up.</exception>
    public static async Task<TrainingSummary> ReadAsync(
        IEnumerable<(string FileName, Stream Content)> files,
        DateOnly? asOf = null,
        TimeZoneInfo? timeZone = null,
        ImportLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        var upload = Start(files, asOf, timeZone, limits, cancellationToken);
        foreach (var (fileName, content) in upload.Files)
        {
            var context = upload.Context(fileName);
            upload.Add(await BoundedRead.ReadAllAsync(content, upload.Limits.FileBytes, cancellationToken).ConfigureAwait(false), context);
        }
        return upload.Summarise(asOf);
    }

    /// <summary>As <see cref="ReadAsync"/>, reading the streams synchronously (for callers whose streams are in memory).</summary>
    /// <exception cref="TrainingImportException">A file, or the upload as a whole, cannot be read, or no run in it can be used.</exception>
    public static TrainingSummary Read(
        IEnumerable<(string FileName, Stream Content)> files,
        DateOnly? asOf = null,
        TimeZoneInfo? timeZone = null,
        ImportLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        var upload = ReadAll(Start(files, asOf, timeZone, limits, cancellationToken));
        return upload.Summarise(asOf);
    }

    /// <summary>
    /// Reads the files into runs (oldest first), each activity once however many files hold it,
    /// whatever their dates (in the accepted calendar); runs out of <see cref="RunRanges"/> are left out and counted.
    /// </summary>
    /// <exception cref="TrainingImportException">A file, or the upload as a whole, cannot be read.</exception>
    public static ImportedRuns ReadRuns(
        IEnumerable<(string FileName, Stream Content)> files,
        TimeZoneInfo? timeZone = null,
        ImportLimits? limits = null)
    {
        var merged = ReadAll(Start(files, null, timeZone, limits, default)).Merge();
        return new ImportedRuns(merged.Runs.Select(r => r.Run).ToList(), LeftOut.Sum(merged.Ignored));
    }

    /// <summary>As <see cref="ReadRuns"/>, without holding a thread while an upload's files are read; an upload with no usable run is refused.</summary>
    /// <exception cref="TrainingImportException">A file, or the upload as a whole, cannot be read, or no run in it can be used.</exception>
    /// <exception cref="OperationCanceledException">The request was given up.</exception>
    public static async Task<ImportedRuns> ReadRunsAsync(
        IEnumerable<(string FileName, Stream Content)> files, TimeZoneInfo? timeZone = null, CancellationToken cancellationToken = default)
    {
        var upload = Start(files, null, timeZone, null, cancellationToken);
        foreach (var (fileName, content) in upload.Files)
        {
            var context = upload.Context(fileName);
            upload.Add(await BoundedRead.ReadAllAsync(content, upload.Limits.FileBytes, cancellationToken).ConfigureAwait(false), context);
        }
        var merged = upload.Merge();
        return merged.Runs.Count == 0
            ? throw new TrainingImportException(null, LeftOut.NothingUsable(merged.Ignored, null))
            : new ImportedRuns(merged.Runs.Select(r => r.Run).ToList(), LeftOut.Sum(merged.Ignored));
    }

    private static Upload ReadAll(Upload upload)
    {
        foreach (var (fileName, content) in upload.Files)
        {
            var context = upload.Context(fileName);
            upload.Add(BoundedRead.ReadAll(content, upload.Limits.FileBytes), context);
        }
        return upload;
    }

    private static Upload Start(
        IEnumerable<(string FileName, Stream Content)> files, DateOnly? asOf, TimeZoneInfo? timeZone, ImportLimits? limits, CancellationToken cancellationToken)
    {
        limits ??= ImportLimits.Default;
        if (asOf is { } day && !RunRanges.InCalendar(day))
        {
            throw new TrainingImportException(null,
                $"The day to look back from must be between {RunRanges.Day(RunRanges.EarliestDate)} and {RunRanges.Day(RunRanges.LatestDate)}.");
        }
        // Count before reading anything: one file too many refuses the upload at no cost.
        var upload = files.Take(limits.Files + 1).ToList();
        if (upload.Count > limits.Files)
        {
            throw new TrainingImportException(null, $"Too many files: at most {limits.Files} can be added at once.");
        }
        if (upload.Count == 0)
        {
            throw new TrainingImportException(null, "No files were added.");
        }
        return new Upload(upload, limits, timeZone ?? TimeZoneInfo.Utc, cancellationToken);
    }

    /// <summary>One upload being read: its files' activities, and per file what was left out of them and why.</summary>
    private sealed class Upload(
        List<(string FileName, Stream Content)> files, ImportLimits limits, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        private readonly List<Activity> _activities = [];
        private readonly List<LeftOut> _leftOut = [];
        private readonly ActivityBudget _budget = new(limits.Activities);
        private long _total;

        public List<(string FileName, Stream Content)> Files => files;

        public ImportLimits Limits => limits;

        public ReadContext Context(string fileName)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = string.IsNullOrWhiteSpace(fileName) ? "A file without a name" : fileName.Trim();
            _leftOut.Add(new LeftOut(name));
            return new ReadContext(name, zone) { FileIndex = _leftOut.Count - 1, Cancellation = cancellationToken, Budget = _budget };
        }

        /// <summary>Reads one file's bytes (null: it was over the limit) and keeps its usable activities.</summary>
        public void Add(byte[]? bytes, ReadContext context)
        {
            if (bytes is null)
            {
                throw context.Error($"the file is larger than {TrainingFileReader.Megabytes(limits.FileBytes)}, the most one file may be.");
            }
            // Counted unpacked: what is parsed is what costs, and gzip packs a repetitive file a thousandfold.
            var content = TrainingFileReader.Unpack(bytes, context, limits);
            _total += content.Length;
            if (_total > limits.UploadBytes)
            {
                throw new TrainingImportException(null,
                    $"The files add up to more than {TrainingFileReader.Megabytes(limits.UploadBytes)} (unpacked), the most one upload may hold.");
            }
            var leftOut = _leftOut[context.FileIndex];
            foreach (var activity in TrainingFileReader.Read(content, context))
            {
                if (activity.Date is null)
                {
                    leftOut.OutsideDates++;
                }
                // A time is checked even without a distance: a copy in another file may lend it one.
                else if (RunRanges.Problem(activity.Km ?? 0, activity.Seconds) is { } problem)
                {
                    leftOut.OutOfRange++;
                    leftOut.FirstOutOfRange ??= problem;
                }
                else
                {
                    _activities.Add(activity);
                }
            }
        }

        /// <summary>Merges copies of one activity, taking the best of each: a stated type, a file's own distance.</summary>
        public Merged Merge()
        {
            var ordered = _activities.OrderBy(a => a.Start).ToList();
            var runs = new List<(RunRecord, int)>();
            for (var i = 0; i < ordered.Count;)
            {
                var end = i + 1;
                while (end < ordered.Count && ordered[end].Start - ordered[i].Start <= SameActivityWindow)
                {
                    end++;
                }
                var copies = ordered.GetRange(i, end - i);
                i = end;
                // A GPX without a type is a run only if no copy says what it was.
                var kind = copies.FirstOrDefault(a => a.Kind != ActivityKind.Untyped)?.Kind ?? ActivityKind.Untyped;
                var measured = copies.Where(a => a.Km is not null).OrderBy(a => !a.KmFromFileTotal).FirstOrDefault();
                if (kind == ActivityKind.Other)
                {
                    _leftOut[copies[0].File].NotRuns++;
                }
                else if (measured is null)
                {
                    _leftOut[copies[0].File].WithoutDistance++;
                }
                else
                {
                    var seconds = measured.Seconds ?? copies.Select(a => a.Seconds).FirstOrDefault(s => s is not null);
                    runs.Add((new RunRecord(measured.Date!.Value, measured.Km!.Value, seconds is { } s ? TimeSpan.FromSeconds(s) : null), measured.File));
                }
            }
            return new Merged(runs, _leftOut);
        }

        /// <summary>The figures of the runs in the window ending on <paramref name="asOf"/> (the latest run's day when null).</summary>
        public TrainingSummary Summarise(DateOnly? asOf)
        {
            var merged = Merge();
            var day = asOf ?? (merged.Runs.Count > 0 ? merged.Runs.Max(r => r.Run.Date) : null);
            var inWindow = new List<RunRecord>();
            foreach (var (run, file) in merged.Runs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (run.Date >= RunRanges.WindowStart(day!.Value) && run.Date <= day.Value)
                {
                    inWindow.Add(run);
                }
                else
                {
                    _leftOut[file].OutsideDates++;
                }
            }
            if (inWindow.Count > limits.RunsInWindow)
            {
                throw new TrainingImportException(null,
                    $"The files hold more than {limits.RunsInWindow.ToString("N0", CultureInfo.InvariantCulture)} runs in the {RunRanges.WindowWeeks} weeks "
                    + $"up to {RunRanges.Day(day!.Value)}, the most one upload may hold.");
            }
            if (inWindow.Count == 0)
            {
                throw new TrainingImportException(null, LeftOut.NothingUsable(_leftOut, day));
            }
            return TrainingFigures.Summarise(inWindow, day) with { Ignored = LeftOut.Sum(_leftOut) };
        }
    }

    private sealed record Merged(List<(RunRecord Run, int File)> Runs, List<LeftOut> Ignored);
}
