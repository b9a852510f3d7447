using KneeReset.Core.TrainingImport;

namespace KneeReset.Core.Tests.TrainingImport;

public class TrainingFiguresTests
{
    private static readonly DateOnly AsOf = new(2025, 10, 31); // a Friday

    private static RunRecord Run(int daysBeforeAsOf, double km) => new(AsOf.AddDays(-daysBeforeAsOf), km, null);

    private static TrainingAnswers AnswersOf(params RunRecord[] runs) =>
        TrainingFigures.Summarise(runs, AsOf).Answers!;

    [Fact]
    public void Weekly_km_now_adds_up_the_seven_days_ending_on_asOf()
    {
        var answers = AnswersOf(Run(7, 100), Run(6, 5), Run(3, 4.5), Run(0, 3), Run(-1, 100));

        Assert.Equal(12.5, answers.WeeklyKmNow);
    }

    [Fact]
    public void Weekly_km_month_ago_adds_up_days_34_to_28_before_asOf()
    {
        var answers = AnswersOf(Run(35, 100), Run(34, 6), Run(30, 2), Run(28, 7), Run(27, 100), Run(0, 1));

        Assert.Equal(15, answers.WeeklyKmMonthAgo);
    }

    [Fact]
    public void Longest_recent_run_is_the_longest_of_the_seven_days_ending_on_asOf()
    {
        var answers = AnswersOf(Run(7, 30), Run(6, 9), Run(2, 12), Run(0, 4), Run(-1, 40));

        Assert.Equal(12, answers.LongestRunKmRecent);
    }

    [Fact]
    public void Longest_run_of_the_month_before_is_the_longest_of_days_36_to_7_before_asOf()
    {
        var answers = AnswersOf(Run(37, 50), Run(36, 11), Run(20, 14), Run(7, 13), Run(6, 60), Run(0, 5));

        Assert.Equal(14, answers.LongestRunKmMonthBefore);
    }

    [Fact]
    public void Without_a_date_the_figures_look_back_from_the_latest_run()
    {
        var summary = TrainingFigures.Summarise([Run(10, 8), Run(3, 5), Run(2, 6)]);

        Assert.Equal(AsOf.AddDays(-2), summary.AsOf);
        Assert.Equal(11, summary.Answers!.WeeklyKmNow);
        Assert.Equal(8, summary.Answers.LongestRunKmMonthBefore);
    }

    [Fact]
    public void Weekly_km_lists_every_week_from_the_first_run_to_the_last_starting_on_monday_empty_weeks_included()
    {
        // Sunday 12 Oct, Monday 13 Oct and Sunday 19 Oct; nothing in the week of the 20th; Friday 31 Oct.
        var summary = TrainingFigures.Summarise([Run(19, 4), Run(18, 5), Run(12, 6.25), Run(0, 10)]);

        Assert.Equal(
            [
                new WeekKm(new DateOnly(2025, 10, 6), 4),
                new WeekKm(new DateOnly(2025, 10, 13), 11.3),
                new WeekKm(new DateOnly(2025, 10, 20), 0),
                new WeekKm(new DateOnly(2025, 10, 27), 10),
            ],
            summary.WeeklyKm);
        Assert.Equal(4, summary.Runs);
        Assert.Equal(AsOf.AddDays(-19), summary.From);
        Assert.Equal(AsOf, summary.To);
    }

    [Fact]
    public void Distances_are_rounded_to_one_decimal()
    {
        var summary = TrainingFigures.Summarise([Run(40, 8.04), Run(1, 3.333), Run(0, 12.06)], AsOf);

        Assert.Equal(15.4, summary.Answers!.WeeklyKmNow);
        Assert.Equal(12.1, summary.Answers.LongestRunKmRecent);
        var spike = Assert.Single(summary.Spikes, s => s.Date == AsOf);
        Assert.Equal(12.1, spike.Km);
        Assert.Equal(3.3, spike.PreviousLongestKm);
    }

    [Theory]
    [InlineData(11.0, null, null)] // exactly 10 % longer is not a spike
    [InlineData(11.001, "10_30", 10.0)]
    [InlineData(12.5, "10_30", 25.0)]
    [InlineData(13.0, "10_30", 30.0)]
    [InlineData(13.001, "30_100", 30.0)]
    [InlineData(20.0, "30_100", 100.0)]
    [InlineData(20.001, "over_100", 100.0)]
    [InlineData(35.0, "over_100", 250.0)]
    [InlineData(9.0, null, null)]
    public void A_run_is_a_spike_in_the_band_its_increase_over_the_previous_30_days_longest_falls_in(
        double km, string? band, double? percent)
    {
        var summary = TrainingFigures.Summarise([Run(20, 10), Run(10, 6), Run(0, km)], AsOf);

        var spike = summary.Spikes.SingleOrDefault(s => s.Date == AsOf);
        Assert.Equal(band, spike?.Band);
        Assert.Equal(percent, spike?.IncreasePercent);
        if (spike is not null)
        {
            Assert.Equal(10, spike.PreviousLongestKm);
        }
    }

    [Fact]
    public void The_30_days_before_a_run_are_the_30_calendar_days_before_its_own_day()
    {
        // 20 km 31 days back is out of the window; 10 km 30 days back is in it.
        // Two runs on the last day: each is compared with the days before, not with the other.
        var summary = TrainingFigures.Summarise([Run(31, 20), Run(30, 10), Run(0, 12), Run(0, 15)], AsOf);

        Assert.Equal(
            [new Spike(AsOf, 12, 10, 20, SpikeBands.From10To30), new Spike(AsOf, 15, 10, 50, SpikeBands.From30To100)],
            summary.Spikes.Where(s => s.Date == AsOf));
    }

    [Fact]
    public void The_first_run_after_30_days_without_running_is_a_spike_over_100_percent()
    {
        var summary = TrainingFigures.Summarise([Run(45, 5), Run(0, 4)], AsOf);

        Assert.Equal([new Spike(AsOf, 4, 0, null, SpikeBands.Over100)], summary.Spikes);
    }

    [Fact]
    public void Runs_on_the_first_day_of_the_data_are_not_judged_as_nothing_is_known_before_them()
    {
        var summary = TrainingFigures.Summarise([Run(10, 5), Run(10, 6), Run(5, 5.2)], AsOf);

        Assert.Empty(summary.Spikes);
    }

    [Fact]
    public void Runs_in_the_first_week_of_the_data_are_not_judged_as_too_little_before_them_is_known()
    {
        // A file that starts with 5 km on Monday and 9 km on Saturday: the Saturday run is longer
        // than the one run known before it, but that is no history to call it a spike against.
        // A week on, the data says something: 12 km is over 10 % longer than the 9.5 km before it.
        var summary = TrainingFigures.Summarise([Run(19, 5), Run(14, 9), Run(12, 9.5), Run(7, 12)], AsOf);

        Assert.Equal([AsOf.AddDays(-7)], summary.Spikes.Select(s => s.Date));
    }

    [Fact]
    public void Spikes_after_asOf_are_left_out()
    {
        var summary = TrainingFigures.Summarise([Run(20, 5), Run(10, 10), Run(-5, 30)], AsOf);

        Assert.Equal([AsOf.AddDays(-10)], summary.Spikes.Select(s => s.Date));
    }

    [Fact]
    public void No_runs_give_no_figures()
    {
        var summary = TrainingFigures.Summarise([], AsOf);

        Assert.Equal(0, summary.Runs);
        Assert.Null(summary.Answers);
        Assert.Empty(summary.WeeklyKm);
        Assert.Empty(summary.Spikes);
    }
}
