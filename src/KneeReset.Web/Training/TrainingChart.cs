using System.Globalization;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.TrainingImport;

namespace KneeReset.Web.Training;

/// <summary>
/// The weekly distances of a runner's imported runs as a bar chart the page draws as SVG on the
/// server (no script), in the runner's unit, with the weeks that hold a spike marked. The page
/// gives the same figures as a table, so nothing is in the picture alone.
/// </summary>
public sealed record TrainingChart(IReadOnlyList<TrainingChart.Week> Weeks, IReadOnlyList<Spike> Spikes, double Top, string Unit)
{
    /// <summary>The chart looks back this far from the day the figures are for: enough to see a month's build-up.</summary>
    public const int WeeksShown = 12;

    public const double Width = 320, Height = 150, PlotLeft = 34, PlotRight = 314, PlotTop = 22, PlotBottom = 126;

    /// <param name="Distance">The week's distance in the runner's unit, to one decimal.</param>
    public sealed record Week(DateOnly Start, double Distance, bool HasSpike, double X, double Y, double BarWidth, double BarHeight);

    /// <summary>The chart for the weeks up to the summary's day; null when there is nothing to draw.</summary>
    public static TrainingChart? For(TrainingSummary summary, string unit)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var asOf = summary.AsOf ?? summary.To;
        if (asOf is not { } day)
        {
            return null;
        }
        var weeks = summary.WeeklyKm.Where(w => w.WeekStart <= day).TakeLast(WeeksShown).ToList();
        if (weeks.Count == 0)
        {
            return null;
        }
        var spikes = summary.Spikes.Where(s => s.Date >= weeks[0].WeekStart && s.Date <= day).ToList();
        var distances = weeks.Select(w => InUnit(w.Km, unit)).ToList();
        var top = NiceTop(distances.Max());
        var slot = (PlotRight - PlotLeft) / weeks.Count;
        var bars = weeks.Select((w, i) =>
        {
            var height = (PlotBottom - PlotTop) * distances[i] / top;
            return new Week(w.WeekStart, distances[i], spikes.Any(s => s.Date >= w.WeekStart && s.Date < w.WeekStart.AddDays(7)),
                PlotLeft + (i * slot) + (slot * 0.15), PlotBottom - height, slot * 0.7, height);
        }).ToList();
        return new TrainingChart(bars, spikes, top, unit);
    }

    /// <summary>A round number at or above the largest week, so the axis reads easily.</summary>
    private static double NiceTop(double largest)
    {
        var step = largest <= 20 ? 5 : largest <= 100 ? 10 : 50;
        return Math.Max(step, Math.Ceiling(largest / step) * step);
    }

    public static double InUnit(double km, string unit) =>
        Math.Round(unit == "miles" ? km / AnswerReader.KmPerMile : km, 1, MidpointRounding.AwayFromZero);

    public string Distance(double km) => $"{Number(InUnit(km, Unit))} {UnitShort}";

    public string UnitShort => Unit == "miles" ? "mi" : "km";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM", CultureInfo.InvariantCulture);

    public static string ShortDate(DateOnly date) => date.ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>One spike in plain words, e.g. "31 October: 16 km, 100% longer than your longest in the 30 days before (8 km)".</summary>
    public string Describe(Spike spike)
    {
        ArgumentNullException.ThrowIfNull(spike);
        return spike.IncreasePercent is { } percent
            ? $"{Date(spike.Date)}: {Distance(spike.Km)}, {Percent.Text(percent)} longer than your longest in the 30 days before ({Distance(spike.PreviousLongestKm)})"
            : $"{Date(spike.Date)}: {Distance(spike.Km)}, after 30 days without a run";
    }

    /// <summary>The chart in a sentence, for the picture's text alternative.</summary>
    public string Summary
    {
        get
        {
            var range = $"Weekly distance for the {Weeks.Count} week{(Weeks.Count == 1 ? "" : "s")} from {ShortDate(Weeks[0].Start)} to {ShortDate(Weeks[^1].Start.AddDays(6))}, "
                + $"between {Number(Weeks.Min(w => w.Distance))} and {Number(Weeks.Max(w => w.Distance))} {UnitShort} a week.";
            var marked = Weeks.Where(w => w.HasSpike).Select(w => $"the week of {ShortDate(w.Start)}").ToList();
            return marked.Count == 0
                ? range + " No week holds a spike."
                : $"{range} Marked as holding a spike: {string.Join(", ", marked)}.";
        }
    }

    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
