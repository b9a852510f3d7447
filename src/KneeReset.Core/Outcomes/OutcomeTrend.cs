namespace KneeReset.Core.Outcomes;

/// <summary>How one measure moved from the first week to the latest.</summary>
/// <param name="Change">Latest minus first, in points.</param>
/// <param name="Meaningful">The change is at least the measure's meaningful change (content/outcome-measures.json).</param>
/// <param name="Better">Pain going down, function going up.</param>
public sealed record MeasureChange(IsoWeek From, IsoWeek To, double Change, bool Meaningful, bool Better);

/// <summary>The weekly check-ins read as a trend: the change since the first week, named only when it is meaningful.</summary>
public sealed record OutcomeTrend(MeasureChange? WorstPain, MeasureChange? Psfs);

/// <summary>Pure rules over a series' weekly check-ins: when one is due and what changed.</summary>
public static class WeeklyOutcomes
{
    /// <summary>A check-in is due on any day of a week that has none yet.</summary>
    public static bool IsDue(IEnumerable<WeeklyCheckIn> checkIns, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var week = IsoWeek.Of(today);
        return checkIns.All(c => c.Week != week);
    }

    /// <summary>
    /// First week against latest. Pain compares every week; the PSFS compares the first week whose
    /// activities are the latest week's (a changed list of activities starts a new comparison).
    /// </summary>
    public static OutcomeTrend Trend(IReadOnlyList<WeeklyCheckIn> checkIns, OutcomeMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(measures);
        var weeks = checkIns.OrderBy(c => c.Week).ToList();
        if (weeks.Count < 2)
        {
            return new(null, null);
        }
        var (first, latest) = (weeks[0], weeks[^1]);
        var pain = Compare(first.Week, latest.Week, first.WorstPain, latest.WorstPain, measures.WorstPain.MeaningfulChange, higherIsBetter: false);
        MeasureChange? psfs = null;
        if (latest.Psfs is { } now)
        {
            var start = weeks.First(c => SameActivities(c, latest));
            psfs = start.Week == latest.Week ? null
                : Compare(start.Week, latest.Week, start.Psfs!.Value, now, measures.Psfs.MeaningfulChange, higherIsBetter: true);
        }
        return new(pain, psfs);
    }

    /// <summary>The same activities, named alike (case and surrounding spaces aside), in any order.</summary>
    public static bool SameActivities(WeeklyCheckIn a, WeeklyCheckIn b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        static IEnumerable<string> Names(WeeklyCheckIn c) => c.Activities.Select(x => x.Name.Trim().ToUpperInvariant()).Order(StringComparer.Ordinal);
        return a.Activities.Count > 0 && Names(a).SequenceEqual(Names(b));
    }

    private static MeasureChange Compare(IsoWeek from, IsoWeek to, double before, double after, double meaningful, bool higherIsBetter)
    {
        var change = Math.Round(after - before, 1);
        // A small tolerance: the mean of three ratings is rounded to one decimal.
        var isMeaningful = Math.Abs(change) >= meaningful - 0.05;
        return new(from, to, change, isMeaningful, isMeaningful && (higherIsBetter ? change > 0 : change < 0));
    }
}
