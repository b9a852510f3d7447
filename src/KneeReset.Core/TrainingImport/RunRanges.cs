namespace KneeReset.Core.TrainingImport;

/// <summary>
/// What a run may be for the import to count it: a distance, time and pace a person can run, on a
/// date in the window the figures look at. An activity outside these is left out and counted
/// (<see cref="IgnoredActivities"/>), not refused: one GPS glitch should not sink an upload.
/// </summary>
public static class RunRanges
{
    /// <summary>One run's distance: more than 0, at most 500 km (a multi-day ultra recorded as one activity).</summary>
    public const double MaxKm = 500;

    /// <summary>One run's time: at most 7 days (0 is taken as "not recorded").</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    /// <summary>The fastest average speed, 40 km/h (a pace of 1:30 min/km; the 100 m world record averages 37.6 km/h).</summary>
    public const double MaxKmPerHour = 40;

    /// <summary>The figures look at the 26 weeks up to and including the day they look back from.</summary>
    public const int WindowWeeks = 26;

    public const int WindowDays = WindowWeeks * 7;

    /// <summary>The calendar a run's date and the day to look back from must fall in; times outside it are left out before any date arithmetic.</summary>
    public static readonly DateOnly EarliestDate = new(1980, 1, 1);

    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    public static bool InCalendar(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>Whether an instant is in the calendar, with a day to spare on each side for any time zone.</summary>
    public static bool InCalendar(DateTimeOffset instant) =>
        instant.UtcDateTime >= EarliestDate.AddDays(-1).ToDateTime(TimeOnly.MinValue)
        && instant.UtcDateTime < LatestDate.AddDays(2).ToDateTime(TimeOnly.MinValue);

    /// <summary>The first day of the window that ends on <paramref name="asOf"/>.</summary>
    public static DateOnly WindowStart(DateOnly asOf) => asOf.AddDays(-(WindowDays - 1));

    /// <summary>A date as messages write it, yyyy-MM-dd in the Gregorian calendar whatever the culture.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What is wrong with a run's distance, time or pace, in words; null when nothing is.</summary>
    public static string? Problem(double km, double? seconds)
    {
        if (!double.IsFinite(km) || km > MaxKm)
        {
            return $"a distance of {Number(km)} km, more than the {MaxKm:0} km a run may be";
        }
        if (seconds is not { } s)
        {
            return null;
        }
        if (!double.IsFinite(s) || s < 0 || s > MaxDuration.TotalSeconds)
        {
            return $"a time of {Number(s)} seconds, not between 0 and {MaxDuration.TotalDays:0} days";
        }
        return s > 0 && km / (s / 3600) > MaxKmPerHour
            ? $"{Number(km)} km in {Number(s)} seconds, faster than {MaxKmPerHour:0} km/h"
            : null;
    }

    private static string Number(double value) =>
        value.ToString(Math.Abs(value) < 1e6 ? "0.#" : "G3", System.Globalization.CultureInfo.InvariantCulture);
}
