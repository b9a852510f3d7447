using System.Globalization;

namespace KneeReset.Core.Outcomes;

/// <summary>An ISO 8601 week (Monday to Sunday), written as "2026-W50".</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly day)
    {
        var at = day.ToDateTime(TimeOnly.MinValue);
        return new(ISOWeek.GetYear(at), ISOWeek.GetWeekOfYear(at));
    }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public IsoWeek Next => Of(Monday.AddDays(7));

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }
        week = new(year, number);
        return true;
    }

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;
    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;
    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;
    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}

/// <summary>One PSFS activity the runner named, rated 0 (can't do it) to 10 (as before the knee hurt).</summary>
public sealed record PsfsActivity(string Name, int Score);

/// <summary>A week's check-in: worst knee pain that week and the PSFS ratings (none when the runner named no activity).</summary>
public sealed record WeeklyCheckIn(IsoWeek Week, int WorstPain, IReadOnlyList<PsfsActivity> Activities)
{
    /// <summary>The PSFS score: the mean of the activity ratings; null without activities.</summary>
    public double? Psfs => Activities.Count == 0 ? null : Math.Round(Activities.Average(a => a.Score), 1);
}
