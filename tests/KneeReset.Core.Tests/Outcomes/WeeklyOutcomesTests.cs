using KneeReset.Core.Outcomes;

namespace KneeReset.Core.Tests.Outcomes;

/// <summary>The weekly check-in's rules: ISO weeks, when one is due, and what counts as a change (content/outcome-measures.json).</summary>
public class WeeklyOutcomesTests
{
    private static readonly OutcomeMeasures Measures = ContentJson.ReadOutcomeMeasures(TestContent.Dir);

    private static WeeklyCheckIn Week(string week, int pain, params (string Name, int Score)[] activities) =>
        new(IsoWeek.TryParse(week, out var w) ? w : throw new ArgumentException(week), pain, [.. activities.Select(a => new PsfsActivity(a.Name, a.Score))]);

    [Theory]
    [InlineData("2026-12-07", "2026-W50")]
    [InlineData("2026-12-13", "2026-W50")]
    [InlineData("2026-12-14", "2026-W51")]
    [InlineData("2026-12-31", "2026-W53")]
    [InlineData("2027-01-03", "2026-W53")]
    [InlineData("2027-01-04", "2027-W01")]
    public void A_day_belongs_to_its_iso_week_monday_to_sunday_across_the_new_year(string day, string week)
    {
        var of = IsoWeek.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(week, of.ToString());
        Assert.True(IsoWeek.TryParse(week, out var parsed));
        Assert.Equal(of, parsed);
        Assert.Equal(DayOfWeek.Monday, of.Monday.DayOfWeek);
    }

    [Fact]
    public void The_week_after_the_53rd_is_the_first_of_the_next_year()
    {
        Assert.True(IsoWeek.TryParse("2026-W53", out var last));

        Assert.Equal("2027-W01", last.Next.ToString());
        Assert.True(last < last.Next);
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2027-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026W50")]
    [InlineData("2026-w50")]
    [InlineData("")]
    [InlineData(null)]
    public void A_week_that_does_not_exist_does_not_parse(string? text) => Assert.False(IsoWeek.TryParse(text, out _));

    [Fact]
    public void A_check_in_is_due_in_a_week_without_one_and_not_again_the_same_week()
    {
        var monday = new DateOnly(2026, 12, 7);
        List<WeeklyCheckIn> none = [];
        List<WeeklyCheckIn> thisWeek = [Week("2026-W50", 4)];

        Assert.True(WeeklyOutcomes.IsDue(none, monday));
        Assert.False(WeeklyOutcomes.IsDue(thisWeek, monday.AddDays(6)));
        Assert.True(WeeklyOutcomes.IsDue(thisWeek, monday.AddDays(7)));
    }

    [Fact]
    public void The_psfs_score_is_the_mean_of_the_ratings_and_absent_without_activities()
    {
        Assert.Equal(4.3, Week("2026-W50", 3, ("running", 2), ("stairs", 5), ("squat", 6)).Psfs);
        Assert.Null(Week("2026-W50", 3).Psfs);
    }

    [Fact]
    public void A_change_of_two_points_or_more_is_named_smaller_ones_are_not()
    {
        var trend = WeeklyOutcomes.Trend(
            [Week("2026-W50", 6, ("running", 2), ("stairs", 4)), Week("2026-W51", 5, ("running", 3), ("stairs", 4)), Week("2026-W52", 5, ("Running ", 5), ("stairs", 5))],
            Measures);
        var small = WeeklyOutcomes.Trend([Week("2026-W50", 6, ("running", 2)), Week("2026-W51", 5, ("running", 3))], Measures);

        Assert.Equal(-1, trend.WorstPain!.Change);
        Assert.False(trend.WorstPain.Meaningful);
        Assert.Equal(2, trend.Psfs!.Change);
        Assert.True(trend.Psfs.Meaningful);
        Assert.True(trend.Psfs.Better);
        Assert.Equal("2026-W50", trend.Psfs.From.ToString());
        Assert.False(small.Psfs!.Meaningful);
        Assert.False(small.Psfs.Better);
    }

    [Fact]
    public void Pain_rising_by_two_is_a_change_for_the_worse()
    {
        var trend = WeeklyOutcomes.Trend([Week("2026-W50", 3), Week("2026-W52", 5)], Measures);

        Assert.True(trend.WorstPain!.Meaningful);
        Assert.False(trend.WorstPain.Better);
        Assert.Null(trend.Psfs);
    }

    [Fact]
    public void Changed_activities_start_a_new_psfs_comparison()
    {
        var trend = WeeklyOutcomes.Trend(
            [Week("2026-W50", 6, ("running", 1)), Week("2026-W51", 5, ("hopping", 6)), Week("2026-W52", 5, ("hopping", 7))],
            Measures);
        var justChanged = WeeklyOutcomes.Trend([Week("2026-W50", 6, ("running", 1)), Week("2026-W51", 5, ("hopping", 8))], Measures);

        Assert.Equal("2026-W51", trend.Psfs!.From.ToString());
        Assert.Equal(1, trend.Psfs.Change);
        Assert.Null(justChanged.Psfs);
    }

    [Fact]
    public void One_week_is_no_trend_yet()
    {
        var trend = WeeklyOutcomes.Trend([Week("2026-W50", 6, ("running", 1))], Measures);

        Assert.Null(trend.WorstPain);
        Assert.Null(trend.Psfs);
    }
}
