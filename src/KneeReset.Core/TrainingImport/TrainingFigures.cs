namespace KneeReset.Core.TrainingImport;

/// <summary>
/// The training-load figures of issue 14, from a runner's runs. All windows are whole calendar
/// days counted back from <c>asOf</c> (day 0), both ends included.
/// </summary>
public static class TrainingFigures
{
    /// <summary>
    /// The first week of the runs read: nothing before it is known, so a run in it is compared with
    /// a few days at most (the second run of a file is not a spike for being longer than the first).
    /// </summary>
    public const int UnjudgedFirstDays = 7;

    /// <summary>
    /// weekly_km_now: km on days 0–6 back. weekly_km_month_ago: days 28–34 back.
    /// longest_run_km_recent: the longest run on days 0–6 back. longest_run_km_month_before: days 7–36 back.
    /// Spikes: every run up to <c>asOf</c> more than 10 % longer than the longest run of the 30 days
    /// before its own day (runs on the same day do not count as "before"). A run with no run at all
    /// in those 30 days is reported as a spike over 100 % only if the runs start at least 30 days
    /// before it, so the gap is known rather than the edge of the data; otherwise it is not judged.
    /// Runs in the first <see cref="UnjudgedFirstDays"/> days of the data are not judged either: too
    /// little before them is known to call them longer than usual.
    /// Runs are compared to the metre, so a run exactly 10 % longer is not a spike.
    /// </summary>
    /// <param name="asOf">The day to look back from; the latest run's date when null.</param>
    public static TrainingSummary Summarise(IReadOnlyList<RunRecord> runs, DateOnly? asOf = null)
    {
        if (runs.Count == 0)
        {
            return new TrainingSummary(0, null, null, [], null, []) { AsOf = asOf };
        }
        if (runs.FirstOrDefault(r => !double.IsFinite(r.Km) || r.Km < 0) is { } bad)
        {
            throw new ArgumentException($"A run's distance must be a finite number of km, 0 or more (not {bad.Km}).", nameof(runs));
        }
        var ordered = runs.OrderBy(r => r.Date).ToList();
        var from = ordered[0].Date;
        var to = ordered[^1].Date;
        var day = asOf ?? to;
        var answers = new TrainingAnswers(
            WeeklyKmNow: Round(SumKm(ordered, day.AddDays(-6), day)),
            WeeklyKmMonthAgo: Round(SumKm(ordered, day.AddDays(-34), day.AddDays(-28))),
            LongestRunKmRecent: Round(LongestKm(ordered, day.AddDays(-6), day)),
            LongestRunKmMonthBefore: Round(LongestKm(ordered, day.AddDays(-36), day.AddDays(-7))));
        return new TrainingSummary(ordered.Count, from, to, WeeklyKm(ordered, from, to), answers, Spikes(ordered, day))
        {
            AsOf = day,
        };
    }

    private static double SumKm(List<RunRecord> runs, DateOnly first, DateOnly last) =>
        runs.Where(r => r.Date >= first && r.Date <= last).Sum(r => r.Km);

    private static double LongestKm(List<RunRecord> runs, DateOnly first, DateOnly last) =>
        runs.Where(r => r.Date >= first && r.Date <= last).Select(r => r.Km).DefaultIfEmpty(0).Max();

    /// <summary>Every week from the first run's to the last run's, empty weeks included, so a chart shows gaps; one pass over the runs.</summary>
    private static List<WeekKm> WeeklyKm(List<RunRecord> ordered, DateOnly from, DateOnly to)
    {
        var first = MondayOf(from);
        var sums = new double[((to.DayNumber - first.DayNumber) / 7) + 1];
        foreach (var run in ordered)
        {
            sums[(run.Date.DayNumber - first.DayNumber) / 7] += run.Km;
        }
        return sums.Select((km, i) => new WeekKm(first.AddDays(i * 7), Round(km))).ToList();
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// The spikes in one pass over the runs (oldest first): a queue holds the runs of the last 30
    /// days that could still be the longest "before" a later day, longest first, so each run is
    /// added and dropped once.
    /// </summary>
    private static List<Spike> Spikes(List<RunRecord> ordered, DateOnly asOf)
    {
        var spikes = new List<Spike>();
        var dataStarts = ordered[0].Date;
        var candidates = new LinkedList<RunRecord>(); // dates ascending, distances descending
        var next = 0; // the first run not yet in the queue
        foreach (var run in ordered.TakeWhile(r => r.Date <= asOf))
        {
            // Runs of earlier days join the queue; a run no longer than a later one can never be the longest again.
            for (; ordered[next].Date < run.Date; next++)
            {
                while (candidates.Last is { } last && last.Value.Km <= ordered[next].Km)
                {
                    candidates.RemoveLast();
                }
                candidates.AddLast(ordered[next]);
            }
            var windowStart = run.Date.AddDays(-30);
            while (candidates.First is { } oldest && oldest.Value.Date < windowStart)
            {
                candidates.RemoveFirst();
            }
            if (run.Date.DayNumber - dataStarts.DayNumber < UnjudgedFirstDays)
            {
                continue;
            }
            var previous = candidates.First?.Value.Km ?? 0;
            var (metres, previousMetres) = (Metres(run.Km), Metres(previous));
            if (previousMetres == 0)
            {
                if (metres > 0 && dataStarts <= windowStart)
                {
                    spikes.Add(new Spike(run.Date, Round(run.Km), 0, null, SpikeBands.Over100));
                }
            }
            else if (BandOf(metres, previousMetres) is { } band)
            {
                var percent = (metres - previousMetres) * 100.0 / previousMetres;
                spikes.Add(new Spike(run.Date, Round(run.Km), Round(previous), Math.Round(percent, 1, MidpointRounding.AwayFromZero), band));
            }
        }
        return spikes;
    }

    /// <summary>The band of a run against the previous longest (above 0), in whole metres so boundaries are exact; null if within 10 %.</summary>
    private static string? BandOf(long metres, long previousMetres) =>
        metres * 10 <= previousMetres * 11 ? null
        : metres * 10 <= previousMetres * 13 ? SpikeBands.From10To30
        : metres <= previousMetres * 2 ? SpikeBands.From30To100
        : SpikeBands.Over100;

    private static long Metres(double km) => (long)Math.Round(km * 1000, MidpointRounding.AwayFromZero);

    private static double Round(double km) => Math.Round(km, 1, MidpointRounding.AwayFromZero);
}
