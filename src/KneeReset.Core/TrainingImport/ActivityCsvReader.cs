using CsvHelper;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// Reads the activity lists that Strava's bulk export (activities.csv) and Garmin Connect's
/// "Export CSV" write: one row per activity with its type, start, distance and time.
/// </summary>
internal static class ActivityCsvReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        TrackLineNumbers = true,
        // A broken quote would shift every later column: refuse the file rather than guess.
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    public static List<Activity> Read(byte[] content, ReadContext context)
    {
        try
        {
            using var csv = CsvReader.Create(content, Options);
            csv.ReadHeader();
            var layout = CsvLayout.From(csv.Headers ?? [], context);
            var activities = new List<Activity>();
            while (csv.Read())
            {
                context.Cancellation.ThrowIfCancellationRequested();
                if (ReadRow(csv, layout, context) is { } activity)
                {
                    activities.Add(activity);
                }
            }
            return activities;
        }
        catch (CsvFormatException e)
        {
            throw context.Error($"line {e.LineNumber}: read as comma-separated values, the file is broken (a quote is not closed, or text follows a closing quote).", e);
        }
    }

    private static Activity? ReadRow(CsvReader csv, CsvLayout layout, ReadContext context)
    {
        var line = (int)csv.LineNumber;
        var type = Field(csv, layout.Type);
        var date = Field(csv, layout.Date);
        if (type.Length == 0 && date.Length == 0)
        {
            return null; // a blank line
        }
        var start = layout.DatesAreUtc
            ? new DateTimeOffset(CsvValues.ParseDate(date, line, context), TimeSpan.Zero)
            : context.FromLocal(CsvValues.ParseDate(date, line, context));
        context.CountActivity();
        var kind = ActivityTypes.Classify(type);
        if (kind == ActivityKind.Other)
        {
            // Not a run: its distance (swims in metres, rides) is never read.
            return context.Activity(start, null, null, kind, kmFromFileTotal: false);
        }
        var km = CsvValues.ParseDistanceKm(Field(csv, layout.Distance), layout.DistanceUnit, line, context);
        var seconds = layout.Duration is { } d ? CsvValues.ParseSeconds(Field(csv, d), line, context) : null;
        return context.Activity(start, km is > 0 ? km : null, seconds, kind, kmFromFileTotal: true);
    }

    private static string Field(CsvReader csv, int index) =>
        index < csv.FieldCount ? (csv.GetString(index) ?? "").Trim() : "";
}

internal enum DistanceUnit
{
    Kilometres,
    Miles,
    Metres,
}

/// <summary>Where the columns the import needs are, and what the distance column is measured in.</summary>
internal sealed record CsvLayout(int Type, int Date, bool DatesAreUtc, int Distance, DistanceUnit DistanceUnit, int? Duration)
{
    /// <summary>Strava's export has under a hundred columns; a header row wider than this is not an activity list.</summary>
    private const int MaxColumns = 1_000;

    public static CsvLayout From(IReadOnlyList<string> headers, ReadContext context)
    {
        if (headers.Count > MaxColumns)
        {
            throw context.Error($"the first line has more than {MaxColumns} columns, which no activity list has.");
        }
        var names = headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        int? Find(string name) => names.IndexOf(name) is var i and >= 0 ? i : null;

        var type = Find("activity type");
        // Strava: "Activity Date", in UTC. Garmin: "Date", the runner's local time.
        var (date, utc) = Find("activity date") is { } s ? (s, true) : Find("date") is { } g ? (g, false) : (-1, false);
        if (type is null || date < 0)
        {
            // Named from what was read, not from the file's name: a .txt of notes is no CSV.
            throw context.Error(names.Count <= 1
                ? "this is plain text, neither GPX, TCX nor an activity list (a Strava activities.csv or a Garmin Connect activity list)."
                : "read as comma-separated values, this file is neither a Strava activities.csv nor a Garmin Connect activity list "
                    + "(it needs an \"Activity Type\" column and an \"Activity Date\" or \"Date\" column).");
        }
        var (distance, unit) = FindDistance(names, strava: utc, context);
        var duration = Find("elapsed time") ?? Find("time") ?? Find("moving time");
        return new CsvLayout(type.Value, date, utc, distance, unit, duration);
    }

    /// <summary>
    /// A unit in the header ("Distance (mi)") is followed. Without one: Strava's bulk export writes
    /// "Distance" twice, first in km and later in metres, and the metres are used as they cannot
    /// depend on the runner's unit setting; a single unlabelled "Distance" is taken as km (both
    /// Strava's and Garmin's default; Garmin writes miles for runners who chose statute units, and
    /// the file does not say so).
    /// </summary>
    private static (int Index, DistanceUnit Unit) FindDistance(List<string> names, bool strava, ReadContext context)
    {
        var columns = names.Select((name, index) => (name, index))
            .Where(c => c.name == "distance" || c.name.StartsWith("distance (", StringComparison.Ordinal))
            .ToList();
        if (columns.Count == 0)
        {
            throw context.Error("this activity list has no Distance column, so the distances of its runs are unknown.");
        }
        if (columns.FirstOrDefault(c => c.name != "distance") is { name: not null } labelled)
        {
            return (labelled.index, UnitOf(labelled.name, context));
        }
        return strava && columns.Count > 1
            ? (columns[^1].index, DistanceUnit.Metres)
            : (columns[0].index, DistanceUnit.Kilometres);
    }

    private static DistanceUnit UnitOf(string header, ReadContext context) =>
        header["distance (".Length..].TrimEnd(')').Trim().TrimEnd('.') switch
        {
            "km" or "kilometres" or "kilometers" => DistanceUnit.Kilometres,
            "mi" or "mile" or "miles" => DistanceUnit.Miles,
            "m" or "metres" or "meters" => DistanceUnit.Metres,
            var other => throw context.Error($"the Distance column is in \"{ReadContext.Shorten(other)}\", a unit the import does not know."),
        };
}
