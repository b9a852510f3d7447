using System.Globalization;

namespace KneeReset.Core.TrainingImport;

/// <summary>What one file's activities lost on the way to the figures, and why, so the runner can be told per file.</summary>
internal sealed class LeftOut(string fileName)
{
    /// <summary>Files named one by one in a message; past this many the rest are counted, so the message stays short.</summary>
    private const int FilesNamed = 10;

    public string FileName => fileName;

    public int NotRuns { get; set; }

    public int WithoutDistance { get; set; }

    public int OutOfRange { get; set; }

    /// <summary>The first run out of range, in words, to show what was wrong.</summary>
    public string? FirstOutOfRange { get; set; }

    public int OutsideDates { get; set; }

    public static IgnoredActivities Sum(IReadOnlyList<LeftOut> files) => new(
        files.Sum(f => f.NotRuns), files.Sum(f => f.WithoutDistance), files.Sum(f => f.OutOfRange), files.Sum(f => f.OutsideDates));

    /// <summary>Why an upload gave no run to work with, file by file.</summary>
    public static string NothingUsable(IReadOnlyList<LeftOut> files, DateOnly? asOf)
    {
        var lines = files.Take(FilesNamed).Select(f => $"{f.FileName}: {f.Reasons(asOf)}.");
        var more = files.Count > FilesNamed ? $" And {files.Count - FilesNamed} more files." : "";
        return $"No run in the files can be used. {string.Join(" ", lines)}{more}";
    }

    private string Reasons(DateOnly? asOf)
    {
        var reasons = new List<string>();
        if (NotRuns > 0)
        {
            reasons.Add(Count(NotRuns, "activity that is not a run", "activities that are not runs"));
        }
        if (WithoutDistance > 0)
        {
            reasons.Add(Count(WithoutDistance, "run without a distance", "runs without a distance"));
        }
        if (OutOfRange > 0)
        {
            reasons.Add($"{Count(OutOfRange, "run", "runs")} no one can run (the first: {FirstOutOfRange})");
        }
        if (OutsideDates > 0)
        {
            var window = asOf is { } day
                ? $"the {RunRanges.WindowWeeks} weeks up to {RunRanges.Day(day)}"
                : $"the years {RunRanges.EarliestDate.Year} to {RunRanges.LatestDate.Year}";
            reasons.Add($"{Count(OutsideDates, "activity", "activities")} dated outside {window}");
        }
        return reasons.Count == 0 ? "it holds no activities" : string.Join("; ", reasons);
    }

    private static string Count(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {many}";
}
