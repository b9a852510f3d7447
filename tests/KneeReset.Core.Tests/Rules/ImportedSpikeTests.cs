using KneeReset.Core.Rules;
using KneeReset.Core.TrainingImport;

namespace KneeReset.Core.Tests.Rules;

/// <summary>A spike in the runner's own imported runs is cited with its distance and date, in place of the recalled longest runs.</summary>
public class ImportedSpikeTests
{
    private const string TendonPicture = "\"age\": 30, \"location\": [\"below_kneecap\"], \"onset\": \"gradual\", \"worst_pain\": 4, \"red_flags\": []";

    private static readonly DateOnly Halloween = new(2025, 10, 31);

    /// <summary>8 km every week in October, then 16 km on 31 October: 100% longer than the month's longest.</summary>
    private static TrainingSummary DoubledLongRun() => TrainingFigures.Summarise(
        [Run(-30, 8), Run(-23, 8), Run(-16, 8), Run(-9, 8), Run(0, 16)]);

    private static RunRecord Run(int daysFromHalloween, double km) => new(Halloween.AddDays(daysFromHalloween), km, null);

    /// <summary>The answers the import fills in, as the questionnaire would hold them.</summary>
    private static string Figures(TrainingSummary summary) =>
        $$"""
        "weekly_km_now": {{summary.Answers!.WeeklyKmNow}}, "weekly_km_month_ago": {{summary.Answers.WeeklyKmMonthAgo}},
        "longest_run_km_recent": {{summary.Answers.LongestRunKmRecent}}, "longest_run_km_month_before": {{summary.Answers.LongestRunKmMonthBefore}}
        """.Replace(",\n", ", ", StringComparison.Ordinal);

    private static AssessmentResult Evaluate(string json, TrainingSummary? imported) =>
        TestContent.Rules.Evaluate(TestContent.Answers(json), imported);

    [Fact]
    public void A_spike_in_the_imported_runs_is_cited_with_its_distance_date_and_increase()
    {
        var imported = DoubledLongRun();

        var result = Evaluate($"{{{TendonPicture}, {Figures(imported)}}}", imported);

        var line = Assert.Single(result.Cause("tendon_overload").Evidence, e => e.Text.Contains("31 October", StringComparison.Ordinal));
        Assert.Equal("Your 16 km run on 31 October was 100% longer than your longest in the 30 days before", line.Text);
        Assert.Equal(["longest_run_km_recent", "longest_run_km_month_before"], line.Answers);
        Assert.Contains(result.Findings, f => f.Id == "tendon_load");
    }

    [Fact]
    public void A_run_after_30_days_without_running_is_cited_as_coming_after_the_gap()
    {
        var imported = TrainingFigures.Summarise([new RunRecord(new DateOnly(2025, 9, 20), 10, null), new RunRecord(new DateOnly(2025, 11, 3), 12, null)]);

        var result = Evaluate($"{{{TendonPicture}, {Figures(imported)}}}", imported);

        Assert.Contains(result.Cause("tendon_overload").Evidence, e => e.Text == "Your 12 km run on 3 November came after 30 days without a run");
        Assert.Contains(result.Cause("runners_knee").Evidence, e => e.Text == "Your 12 km run on 3 November came after 30 days without a run");
        Assert.DoesNotContain(result.Causes.SelectMany(c => c.Evidence), e => e.Text.Contains("longer than your longest", StringComparison.Ordinal));
    }

    [Fact]
    public void The_imported_spike_replaces_the_recalled_longest_run_line_and_counts_the_same()
    {
        var imported = DoubledLongRun();
        var json = $"{{{TendonPicture}, {Figures(imported)}}}";

        var recalled = Evaluate(json, imported: null);
        var withFiles = Evaluate(json, imported);

        Assert.Contains(recalled.Cause("tendon_overload").Evidence, e => e.Text.StartsWith("Your longest run is", StringComparison.Ordinal));
        foreach (var cause in new[] { "runners_knee", "it_band", "tendon_overload" })
        {
            var evidence = withFiles.Cause(cause).Evidence;
            Assert.DoesNotContain(evidence, e => e.Text.StartsWith("Your longest run", StringComparison.Ordinal));
            Assert.Equal(recalled.Cause(cause).Score, withFiles.Cause(cause).Score);
        }
        Assert.Single(withFiles.Cause("tendon_overload").Evidence, e => e.Text.Contains("run on 31 October", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spike_more_than_four_weeks_before_the_latest_run_is_not_cited()
    {
        // The doubled run on 31 October, then steady 8 km runs until 29 November.
        var runs = new List<RunRecord> { Run(-30, 8), Run(-23, 8), Run(-16, 8), Run(-9, 8), Run(0, 16) };
        runs.AddRange(Enumerable.Range(1, 5).Select(week => Run(week * 6, 8)));
        var imported = TrainingFigures.Summarise(runs);

        var result = Evaluate($"{{{TendonPicture}, {Figures(imported)}}}", imported);

        Assert.Contains(imported.Spikes, s => s.Date == Halloween);
        Assert.Null(imported.RecentSpike());
        Assert.DoesNotContain(result.Causes.SelectMany(c => c.Evidence), e => e.Text.Contains("31 October", StringComparison.Ordinal));
    }

    [Fact]
    public void An_imported_spike_three_weeks_ago_is_cited_though_the_last_week_was_steady()
    {
        var runs = new List<RunRecord> { Run(-30, 8), Run(-23, 8), Run(-16, 8), Run(-9, 8), Run(0, 16), Run(10, 8), Run(20, 8) };
        var imported = TrainingFigures.Summarise(runs);

        var recalled = Evaluate($"{{{TendonPicture}, {Figures(imported)}}}", imported: null);
        var withFiles = Evaluate($"{{{TendonPicture}, {Figures(imported)}}}", imported);

        Assert.DoesNotContain(recalled.Findings, f => f.Id == "tendon_load");
        Assert.Contains(withFiles.Cause("tendon_overload").Evidence, e => e.Text.StartsWith("Your 16 km run on 31 October", StringComparison.Ordinal));
        Assert.Contains(withFiles.Findings, f => f.Id == "tendon_load");
    }

    [Fact]
    public void A_runner_who_clears_the_longest_run_answers_is_not_judged_on_the_files()
    {
        var imported = DoubledLongRun();

        var result = Evaluate($"{{{TendonPicture}, \"weekly_km_now\": 16}}", imported);

        Assert.DoesNotContain(result.Causes.SelectMany(c => c.Evidence), e => e.Text.Contains("31 October", StringComparison.Ordinal));
        Assert.Equal(4, result.Cause("tendon_overload").Score);
    }

    [Fact]
    public void The_cited_spike_is_a_run_after_a_gap_first_then_the_largest_increase()
    {
        var asOf = new DateOnly(2025, 11, 28);
        Spike Percent(int day, double percent) => new(asOf.AddDays(-day), 10, 5, percent, SpikeBands.Over100);
        TrainingSummary With(params Spike[] spikes) => new(3, asOf.AddDays(-60), asOf, [], null, spikes) { AsOf = asOf };

        Assert.Equal(asOf.AddDays(-10), With(Percent(20, 30), Percent(10, 150), Percent(2, 40)).RecentSpike()!.Date);
        Assert.Equal(asOf.AddDays(-2), With(Percent(20, 150), Percent(2, 150)).RecentSpike()!.Date);
        var gap = new Spike(asOf.AddDays(-25), 4, 0, null, SpikeBands.Over100);
        Assert.Equal(gap, With(Percent(10, 400), gap).RecentSpike());
        Assert.Null(With(Percent(28, 400)).RecentSpike());
    }
}
