using CsCheck;
using KneeReset.Core.TrainingImport;

namespace KneeReset.Core.Tests.TrainingImport;

/// <summary>Invariants of the figures over random training histories.</summary>
public class TrainingFiguresPropertyTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    /// <summary>Up to 60 runs over 120 days, each 0.01–50 km in whole hundredths (so decimal sums are exact).</summary>
    private static readonly Gen<List<(int Day, int Hundredths)>> Histories =
        Gen.Select(Gen.Int[0, 120], Gen.Int[1, 5000]).List[1, 60];

    private static List<RunRecord> ToRuns(List<(int Day, int Hundredths)> history) =>
        history.Select(r => new RunRecord(Start.AddDays(r.Day), r.Hundredths / 100.0, null)).ToList();

    [Fact]
    public void A_week_holds_at_least_its_longest_run()
    {
        Histories.Sample(history =>
        {
            var answers = TrainingFigures.Summarise(ToRuns(history)).Answers!;
            var lastDay = history.Max(r => r.Day);
            var latestKm = history.Where(r => r.Day == lastDay).Max(r => r.Hundredths) / 100.0;
            Assert.True(answers.WeeklyKmNow >= answers.LongestRunKmRecent);
            // Not "> 0": a latest run under 50 m rounds to 0.0 km.
            Assert.True(answers.LongestRunKmRecent >= Math.Round(latestKm, 1, MidpointRounding.AwayFromZero), "the latest run is always in the latest week");
        }, iter: PropertyIterations.Or(100));
    }

    [Fact]
    public void The_weeks_add_up_to_all_the_distance_run()
    {
        Histories.Sample(history =>
        {
            var summary = TrainingFigures.Summarise(ToRuns(history));
            var total = history.Sum(r => r.Hundredths) / 100.0;
            // Each week is rounded to 0.1 km, so the sum may drift by 0.05 km a week.
            Assert.InRange(summary.WeeklyKm.Sum(w => w.Km), total - (0.05 * summary.WeeklyKm.Count) - 1e-9,
                total + (0.05 * summary.WeeklyKm.Count) + 1e-9);
            Assert.All(summary.WeeklyKm, w => Assert.Equal(DayOfWeek.Monday, w.WeekStart.DayOfWeek));
        }, iter: PropertyIterations.Or(100));
    }

    [Fact]
    public void Spikes_are_exactly_the_runs_more_than_10_percent_over_the_longest_of_the_30_days_before()
    {
        Histories.Sample(history =>
        {
            var firstDay = history.Min(r => r.Day);
            // Straight from the definition, in exact decimals: a run with earlier runs in its
            // 30-day window is a spike when longer than 1.1 × their longest; one with none is a
            // spike unless it is on the first day of the data. Runs in the data's first 7 days are not judged.
            var expected = history
                .Where(run => run.Day - firstDay >= TrainingFigures.UnjudgedFirstDays)
                .Where(run =>
                {
                    var before = history.Where(r => r.Day >= run.Day - 30 && r.Day < run.Day).ToList();
                    return before.Count > 0
                        ? run.Hundredths / 100m > 1.1m * (before.Max(r => r.Hundredths) / 100m)
                        : run.Day > firstDay;
                })
                .Select(r => (Start.AddDays(r.Day), Math.Round(r.Hundredths / 100m, 1, MidpointRounding.AwayFromZero)))
                .Order()
                .ToList();

            var spikes = TrainingFigures.Summarise(ToRuns(history)).Spikes;

            Assert.Equal(expected, spikes.Select(s => (s.Date, (decimal)s.Km)).Order().ToList());
        }, iter: PropertyIterations.Or(100));
    }

    [Fact]
    public void A_spike_band_matches_its_increase()
    {
        Histories.Sample(history =>
        {
            foreach (var spike in TrainingFigures.Summarise(ToRuns(history)).Spikes)
            {
                var percent = spike.PreviousLongestKm == 0 ? double.PositiveInfinity : spike.IncreasePercent!.Value;
                // The percent is rounded to 0.1, so on a band's edge either neighbouring band may be right.
                string[] allowed = percent switch
                {
                    < 10 => [],
                    < 30 => [SpikeBands.From10To30],
                    30 => [SpikeBands.From10To30, SpikeBands.From30To100],
                    < 100 => [SpikeBands.From30To100],
                    100 => [SpikeBands.From30To100, SpikeBands.Over100],
                    _ => [SpikeBands.Over100],
                };
                Assert.Contains(spike.Band, allowed);
            }
        }, iter: PropertyIterations.Or(100));
    }
}
