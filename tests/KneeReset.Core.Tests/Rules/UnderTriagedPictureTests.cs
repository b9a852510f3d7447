using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

/// <summary>
/// The pictures the third clinical review found under-triaged: a limping child, nerve signs or a
/// locked knee after a twist, night pain under 18, and a child's pain away from the kneecap.
/// </summary>
public class UnderTriagedPictureTests
{
    private static AssessmentResult Evaluate(string json) => TestContent.Evaluate(json);

    [Fact]
    public void A_knee_locked_now_without_an_injury_is_seen_within_48_hours()
    {
        var result = Evaluate(TestContent.MildKneecap(flags: "\"locked_now\""));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Equal(TimeFrame.WithinTwoDays, result.TimeFrame);
        Assert.Equal("locked_now", result.TriageReasons[0].Rule);
    }

    [Theory]
    [InlineData(13, "\"whole_knee\"")]
    [InlineData(15, "\"front_kneecap\"")]
    [InlineData(9, "\"above_kneecap\"")]
    public void A_limping_child_with_knee_or_thigh_ache_is_seen_today_off_weight(int age, string location)
    {
        var result = Evaluate(TestContent.MildKneecap(flags: "\"limping\"", age: age, location: location));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Equal(TimeFrame.Today, result.TimeFrame);
        Assert.Equal("limping_child", result.TriageReasons[0].Rule);
        Assert.Contains("hip", result.TriageReasons[0].Text, StringComparison.Ordinal);
        Assert.Contains("weight off the leg", result.TriageReasons[0].Text, StringComparison.Ordinal);
        Assert.False(result.OffersExercise);
    }

    [Fact]
    public void The_under_16_age_range_counts_as_a_child_for_a_limp()
    {
        var json = TestContent.MildKneecap(flags: "\"limping\"").Replace("\"age\": 30", "\"age_band\": \"under_16\"", StringComparison.Ordinal);

        Assert.Equal(Triage.Urgent, Evaluate(json).Triage);
    }

    [Fact]
    public void An_adult_with_a_limp_is_still_seen_within_a_week_or_two()
    {
        var result = Evaluate(TestContent.MildKneecap(flags: "\"limping\"", age: 16));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Equal(TimeFrame.WithinTwoWeeks, result.TimeFrame);
    }

    [Fact]
    public void Numbness_tingling_or_weakness_after_a_twist_is_urgent_today()
    {
        var result = Evaluate(TestContent.MildKneecap(flags: "\"numbness_tingling\"", onset: "sudden_injury"));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Equal(TimeFrame.Today, result.TimeFrame);
        Assert.Equal("nerve_after_injury", result.TriageReasons[0].Rule);
        Assert.Null(result.TopCause);
    }

    [Fact]
    public void A_knee_locked_now_after_a_twist_is_urgent_today()
    {
        var result = Evaluate(TestContent.MildKneecap(flags: "\"locked_now\"", onset: "sudden_injury"));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Equal(TimeFrame.Today, result.TimeFrame);
        Assert.Equal("locked_after_injury", result.TriageReasons[0].Rule);
    }

    [Fact]
    public void A_knee_that_sometimes_catches_after_a_twist_is_not_treated_as_locked_now()
    {
        var result = Evaluate(TestContent.MildKneecap(flags: "\"locking\"", onset: "sudden_injury"));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.DoesNotContain(result.TriageReasons, r => r.Rule is "locked_after_injury" or "locked_now");
    }

    [Theory]
    [InlineData(12, "\"night_pain\"", "")]
    [InlineData(17, "\"night_pain\"", "")]
    [InlineData(15, "", ", \"timing\": [\"at_night\"]")]
    public void Night_pain_under_18_is_seen_within_48_hours_for_an_x_ray(int age, string flags, string extra)
    {
        var result = Evaluate(TestContent.MildKneecap(flags: flags, age: age, extra: extra));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Equal(TimeFrame.WithinTwoDays, result.TimeFrame);
        Assert.Equal("night_pain_young", result.TriageReasons[0].Rule);
    }

    [Fact]
    public void Night_pain_at_18_or_over_with_an_exact_age_keeps_the_slower_time_frame()
    {
        var result = Evaluate(TestContent.MildKneecap(flags: "\"night_pain\"", age: 18));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Equal(TimeFrame.WithinTwoWeeks, result.TimeFrame);
    }

    [Theory]
    [InlineData("\"above_kneecap\"")]
    [InlineData("\"outer_side\"")]
    [InlineData("\"whole_knee\"")]
    public void Under_16_pain_away_from_the_kneecap_gets_no_adult_overuse_loading(string location)
    {
        // The textbook IT band picture, in a 12-year-old: a snapping outer knee points to a discoid meniscus.
        var result = Evaluate(TestContent.MildKneecap(age: 12, location: location, extra: ", \"character\": \"rubbing\", \"timing\": [\"during_run_builds\"]"));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.False(result.OffersSelfCare);
        Assert.Equal(TimeFrame.WithinTwoWeeks, result.TimeFrame);
        Assert.Equal("growing_knee_elsewhere", result.TriageReasons[0].Rule);
    }

    [Fact]
    public void Without_an_age_pain_away_from_the_kneecap_is_treated_as_a_growing_knee()
    {
        var json = TestContent.MildKneecap(location: "\"outer_side\"").Replace("\"age\": 30, ", "", StringComparison.Ordinal);

        var result = Evaluate(json);

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Contains(result.TriageReasons, r => r.Rule == "growing_knee_elsewhere_age_unknown");
    }

    [Theory]
    [InlineData("\"above_kneecap\"")]
    [InlineData("\"outer_side\"")]
    [InlineData("\"whole_knee\"")]
    [InlineData("\"front_kneecap\"")]
    public void An_adult_runner_with_an_ordinary_overuse_picture_stays_self_care(string location)
    {
        Assert.Equal(Triage.SelfCare, Evaluate(TestContent.MildKneecap(age: 16, location: location)).Triage);
    }
}
