namespace KneeReset.Core.TrainingImport;

/// <summary>
/// The one way in: a runner's files (GPX, TCX, a Strava activities.csv, a Garmin Connect activity
/// list, in any mix) to their runs and training-load figures. Streams are read, not disposed:
/// the caller owns them.
/// </summary>
public static class TrainingImporter
{
    /// <summary>
    /// Starts this close are one activity seen twice (the same run in a GPX file and in the CSV).
    /// Two real activities never start two minutes apart.
    /// </summary>
    public static readonly TimeSpan SameActivityWindow = TimeSpan.FromMinutes(2);

    /// <summary>Reads the files and works out the figures (see <see cref="TrainingFigures.Summarise"/>).</summary>
    /// <param name="asOf">The day the figures look back from; the latest run's date when null.</param>
    /// <param name="timeZone">The runner's zone, which decides the date of a run near midnight; UTC when null.</param>
    /// <exception cref="TrainingImportException">A file, or the upload as a whole, cannot be read.</exception>
    public static TrainingSummary Read(
        IEnumerable<(string FileName, Stream Content)> files,
        DateOnly? asOf = null,
        TimeZoneInfo? timeZone = null,
        ImportLimits? limits = null)
    {
        var imported = ReadRuns(files, timeZone, limits);
        return TrainingFigures.Summarise(imported.Runs, asOf) with { Ignored = imported.Ignored };
    }

    /// <summary>Reads the files into runs (oldest first), each activity once however many files hold it.</summary>
    /// <exception cref="TrainingImportException">A file, or the upload as a whole, cannot be read.</exception>
    public static ImportedRuns ReadRuns(
        IEnumerable<(string FileName, Stream Content)> files,
        TimeZoneInfo? timeZone = null,
        ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        var zone = timeZone ?? TimeZoneInfo.Utc;
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
        long total = 0;
        var activities = new List<Activity>();
        foreach (var (fileName, content) in upload)
        {
            var context = new ReadContext(string.IsNullOrWhiteSpace(fileName) ? "A file without a name" : fileName.Trim(), zone);
            var bytes = BoundedRead.ReadAll(content, limits.FileBytes)
                ?? throw context.Error($"the file is larger than {TrainingFileReader.Megabytes(limits.FileBytes)}, the most one file may be.");
            total += bytes.Length;
            if (total > limits.UploadBytes)
            {
                throw new TrainingImportException(null,
                    $"The files add up to more than {TrainingFileReader.Megabytes(limits.UploadBytes)}, the most one upload may hold.");
            }
            activities.AddRange(TrainingFileReader.Read(bytes, context, limits));
        }
        return Merge(activities);
    }

    /// <summary>Merges copies of one activity, taking the best of each: a stated type, a file's own distance.</summary>
    private static ImportedRuns Merge(List<Activity> activities)
    {
        var ordered = activities.OrderBy(a => a.Start).ToList();
        var runs = new List<RunRecord>();
        int notRuns = 0, withoutDistance = 0;
        for (var i = 0; i < ordered.Count;)
        {
            var copies = ordered.Skip(i).TakeWhile(a => a.Start - ordered[i].Start <= SameActivityWindow).ToList();
            i += copies.Count;
            // A GPX without a type is a run only if no copy says what it was.
            var kind = copies.FirstOrDefault(a => a.Kind != ActivityKind.Untyped)?.Kind ?? ActivityKind.Untyped;
            var measured = copies.Where(a => a.Km is not null).OrderBy(a => !a.KmFromFileTotal).FirstOrDefault();
            if (kind == ActivityKind.Other)
            {
                notRuns++;
            }
            else if (measured is null)
            {
                withoutDistance++;
            }
            else
            {
                var duration = measured.Duration ?? copies.Select(a => a.Duration).FirstOrDefault(d => d is not null);
                runs.Add(new RunRecord(measured.Date, measured.Km!.Value, duration));
            }
        }
        return new ImportedRuns(runs, new IgnoredActivities(notRuns, withoutDistance));
    }
}
