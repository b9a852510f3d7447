using System.Globalization;

namespace KneeReset.Core.TrainingImport;

/// <summary>Dates, distances and times as the activity lists write them.</summary>
internal static class CsvValues
{
    private static readonly string[] DateFormats =
    [
        "MMM d, yyyy, h:mm:ss tt", // Strava: "Oct 31, 2023, 7:02:11 AM"
        "MMM d, yyyy h:mm:ss tt",
        "yyyy-MM-dd HH:mm:ss", // Garmin: "2023-10-31 07:02:11"
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    /// <summary>Values the exports write for "nothing recorded".</summary>
    private static bool IsBlank(string text) => text is "" or "--" or "-";

    public static DateTime ParseDate(string text, int line, ReadContext context) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw context.Error($"line {line}: '{ReadContext.Shorten(text)}' is not a date the import can read.");

    /// <summary>
    /// A distance in km, or null when none was recorded. With a dot in the number, commas are
    /// thousands separators ("1,234.5"); without one, a comma is the decimal mark ("10,5" in
    /// European exports), as a run is never a thousand km.
    /// </summary>
    public static double? ParseDistanceKm(string text, DistanceUnit unit, int line, ReadContext context)
    {
        if (IsBlank(text))
        {
            return null;
        }
        var normal = text.Contains('.') ? text.Replace(",", "") : text.Replace(',', '.');
        if (!double.TryParse(normal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < 0)
        {
            throw context.Error($"line {line}: the distance '{ReadContext.Shorten(text)}' is not a number.");
        }
        return unit switch
        {
            DistanceUnit.Miles => value * 1.609344,
            DistanceUnit.Metres => value / 1000,
            _ => value,
        };
    }

    /// <summary>A time in seconds, written as seconds ("3600", Strava) or as h:mm:ss / mm:ss ("01:02:03.4", Garmin); checked later.</summary>
    public static double? ParseSeconds(string text, int line, ReadContext context)
    {
        if (IsBlank(text))
        {
            return null;
        }
        var parts = text.Split(':');
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])
                || !double.IsFinite(numbers[i]) || numbers[i] < 0)
            {
                throw context.Error($"line {line}: the time '{ReadContext.Shorten(text)}' is not a duration.");
            }
        }
        var seconds = numbers.Length switch
        {
            1 => numbers[0],
            2 => (numbers[0] * 60) + numbers[1],
            3 => (numbers[0] * 3600) + (numbers[1] * 60) + numbers[2],
            _ => throw context.Error($"line {line}: the time '{ReadContext.Shorten(text)}' is not a duration."),
        };
        return seconds;
    }
}
