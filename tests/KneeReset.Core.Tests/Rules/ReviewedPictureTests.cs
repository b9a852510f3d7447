using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

/// <summary>
/// The pictures the sports-physio review (issue 23) found the vocabulary couldn't say: a straight
/// leg that won't lift, a cold foot, clot risk factors, blood thinners, a history of cancer, hip or
/// thigh pain, swelling, long morning stiffness, pain getting worse, and exercise that hasn't helped.
/// Each starts from a mild kneecap picture that is self-care on its own.
/// </summary>
public class ReviewedPictureTests
{
    private static AssessmentResult Evaluate(string json) => TestContent.Evaluate(json);

    private static string Mild(string flags = "", int age = 30, string onset = "gradual", string location = "\"front_kneecap\"", string extra = "") =>
        TestContent.MildKneecap(flags: flags, age: age, onset: onset, location: location, extra: extra);

    private static void AssertRoute(AssessmentResult result, Triage level, TimeFrame frame, string rule)
    {
        Assert.Equal(level, result.Triage);
        Assert.Equal(frame, result.TimeFrame);
        Assert.Contains(result.TriageReasons, r => r.Rule == rule && r.Level == level && r.TimeFrame == frame);
    }

    [Theory]
    [InlineData("gradual")]
    [InlineData("sudden_injury")]
    public void A_leg_that_cannot_be_lifted_straight_is_urgent_today_with_or_without_an_injury(string onset)
    {
        var result = Evaluate(Mild(flags: "\"cannot_straight_leg_raise\"", onset: onset));

        AssertRoute(result, Triage.Urgent, TimeFrame.Today, "cannot_straight_leg_raise");
        Assert.Contains("tendon", result.TriageReasons.Single(r => r.Rule == "cannot_straight_leg_raise").Text, StringComparison.Ordinal);
        Assert.Null(result.TopCause);
    }

    [Fact]
    public void A_cold_pale_foot_is_urgent_today()
    {
        var result = Evaluate(Mild(flags: "\"cold_pale_foot\""));

        AssertRoute(result, Triage.Urgent, TimeFrame.Today, "cold_pale_foot");
        Assert.Equal("cold_pale_foot", result.TriageReasons[0].Rule);
    }

    [Theory]
    [InlineData(", \"health_background\": [\"recent_knee_surgery\"]", "\"thigh\"", "\"front_kneecap\"")]
    [InlineData(", \"health_background\": [\"recent_immobilisation\"]", "\"thigh\"", "\"front_kneecap\"")]
    [InlineData(", \"health_background\": [\"cancer_now\"]", "", "\"back_of_knee\"")]
    [InlineData(", \"pregnancy\": \"pregnant\"", "", "\"back_of_knee\"")]
    [InlineData(", \"pregnancy\": \"recently_gave_birth\"", "\"thigh\"", "\"front_kneecap\"")]
    public void Thigh_or_back_of_knee_pain_with_a_clot_risk_factor_is_urgent_today(string risk, string elsewhere, string location)
    {
        var result = Evaluate(Mild(location: location, extra: risk + $", \"pain_elsewhere\": [{elsewhere}]"));

        AssertRoute(result, Triage.Urgent, TimeFrame.Today, "clot_risk_leg_pain");
        Assert.Equal("clot_risk_leg_pain", result.TriageReasons[0].Rule);
    }

    [Fact]
    public void Calf_pain_with_a_clot_risk_factor_names_the_risk_factor_beside_the_calf_rule()
    {
        var result = Evaluate(Mild(flags: "\"calf_pain_swelling\"", extra: ", \"pregnancy\": \"pregnant\""));

        AssertRoute(result, Triage.Urgent, TimeFrame.Today, "clot_risk_leg_pain");
        Assert.Contains(result.TriageReasons, r => r.Rule == "calf_pain");
    }

    [Theory]
    [InlineData(", \"pregnancy\": \"prefer_not_to_say\"")]
    [InlineData(", \"pregnancy\": \"no\"")]
    [InlineData(", \"health_background\": [\"cancer_past\"]")]
    [InlineData(", \"health_background\": [\"blood_thinners\"]")]
    [InlineData("")]
    public void Thigh_pain_in_an_adult_without_a_clot_risk_factor_stays_self_care(string background)
    {
        // A runner's thigh often aches with the knee (the IT band runs up it); "prefer not to say" is read as unanswered.
        var result = Evaluate(Mild(extra: background + ", \"pain_elsewhere\": [\"thigh\"]"));

        Assert.Equal(Triage.SelfCare, result.Triage);
        Assert.Null(result.TimeFrame);
    }

    [Theory]
    [InlineData(", \"health_background\": [\"recent_immobilisation\"]")]
    [InlineData(", \"health_background\": [\"blood_thinners\"]")]
    [InlineData(", \"health_background\": [\"cancer_now\", \"cancer_past\"]")]
    [InlineData(", \"pregnancy\": \"pregnant\"")]
    [InlineData(", \"health_background\": [], \"pregnancy\": \"prefer_not_to_say\", \"tried\": [\"rest\", \"ice_or_heat\", \"insoles\"]")]
    public void A_health_background_alone_keeps_a_mild_picture_self_care(string background)
    {
        Assert.Equal(Triage.SelfCare, Evaluate(Mild(extra: background)).Triage);
    }

    [Fact]
    public void An_injury_while_taking_a_blood_thinner_is_urgent_today_where_without_it_it_is_48_hours()
    {
        var without = Evaluate(Mild(onset: "sudden_injury"));
        var with = Evaluate(Mild(onset: "sudden_injury", extra: ", \"health_background\": [\"blood_thinners\"]"));

        Assert.Equal(TimeFrame.WithinTwoDays, without.TimeFrame);
        AssertRoute(with, Triage.Urgent, TimeFrame.Today, "blood_thinners_after_injury");
    }

    [Theory]
    [InlineData("\"came_on_gradually\"")]
    [InlineData("\"keeps_coming_back\"")]
    public void Swelling_is_seen_within_a_week_or_two_and_within_48_hours_on_a_blood_thinner(string swelling)
    {
        var alone = Evaluate(Mild(extra: $", \"swelling\": [{swelling}]"));
        var thinned = Evaluate(Mild(extra: $", \"swelling\": [{swelling}], \"health_background\": [\"blood_thinners\"]"));

        AssertRoute(alone, Triage.SeeClinician, TimeFrame.WithinTwoWeeks, "knee_swelling");
        AssertRoute(thinned, Triage.SeeClinician, TimeFrame.WithinTwoDays, "blood_thinners_swelling");
    }

    [Fact]
    public void No_swelling_stays_self_care()
    {
        Assert.Equal(Triage.SelfCare, Evaluate(Mild(extra: ", \"swelling\": []")).Triage);
    }

    [Theory]
    [InlineData(12, "\"hip_or_groin\"")]
    [InlineData(15, "\"thigh\"")]
    [InlineData(9, "\"hip_or_groin\", \"thigh\"")]
    public void A_child_with_hip_groin_or_thigh_pain_is_seen_today_off_weight(int age, string elsewhere)
    {
        var result = Evaluate(Mild(age: age, extra: $", \"pain_elsewhere\": [{elsewhere}]"));

        AssertRoute(result, Triage.Urgent, TimeFrame.Today, "child_hip_or_thigh_pain");
        Assert.Contains("weight off the leg", result.TriageReasons.Single(r => r.Rule == "child_hip_or_thigh_pain").Text, StringComparison.Ordinal);
        Assert.False(result.OffersExercise);
    }

    [Fact]
    public void The_under_16_range_or_no_age_counts_as_a_child_for_thigh_pain()
    {
        var band = Mild(extra: ", \"pain_elsewhere\": [\"thigh\"]").Replace("\"age\": 30", "\"age_band\": \"under_16\"", StringComparison.Ordinal);
        var unknown = Mild(extra: ", \"pain_elsewhere\": [\"thigh\"]").Replace("\"age\": 30, ", "", StringComparison.Ordinal);

        Assert.Equal(Triage.Urgent, Evaluate(band).Triage);
        Assert.Equal(Triage.Urgent, Evaluate(unknown).Triage);
    }

    [Fact]
    public void An_adult_with_hip_or_groin_pain_is_seen_within_a_week_or_two()
    {
        var result = Evaluate(Mild(age: 16, extra: ", \"pain_elsewhere\": [\"hip_or_groin\"]"));

        AssertRoute(result, Triage.SeeClinician, TimeFrame.WithinTwoWeeks, "hip_or_groin_pain");
    }

    [Theory]
    [InlineData("\"night_pain\"", "", "\"cancer_past\"")]
    [InlineData("\"unexplained_weight_loss\"", "", "\"cancer_now\"")]
    [InlineData("", ", \"timing\": [\"at_rest\"]", "\"cancer_past\"")]
    public void Night_or_rest_pain_or_weight_loss_with_a_history_of_cancer_is_seen_within_48_hours(string flags, string timing, string cancer)
    {
        var without = Evaluate(Mild(flags: flags, age: 40, extra: timing));
        var with = Evaluate(Mild(flags: flags, age: 40, extra: timing + $", \"health_background\": [{cancer}]"));

        Assert.Equal(TimeFrame.WithinTwoWeeks, without.TimeFrame);
        AssertRoute(with, Triage.SeeClinician, TimeFrame.WithinTwoDays, "cancer_history_bone_pain");
    }

    [Fact]
    public void Morning_stiffness_of_half_an_hour_or_more_is_seen_within_a_week_or_two_and_short_stiffness_is_not()
    {
        var longer = Evaluate(Mild(extra: ", \"timing\": [\"morning_stiffness\"], \"morning_stiffness_duration\": \"30_minutes_or_more\""));
        var shorter = Evaluate(Mild(extra: ", \"timing\": [\"morning_stiffness\"], \"morning_stiffness_duration\": \"under_30_minutes\""));

        AssertRoute(longer, Triage.SeeClinician, TimeFrame.WithinTwoWeeks, "long_morning_stiffness");
        Assert.Equal(Triage.SelfCare, shorter.Triage);
    }

    [Fact]
    public void Pain_getting_worse_despite_rest_is_seen_within_a_week_or_two_and_worse_while_still_running_is_not()
    {
        var despiteRest = Evaluate(Mild(extra: ", \"pain_trend\": \"worse_despite_rest\""));
        var worse = Evaluate(Mild(extra: ", \"pain_trend\": \"getting_worse\""));

        AssertRoute(despiteRest, Triage.SeeClinician, TimeFrame.WithinTwoWeeks, "worse_despite_rest");
        Assert.Equal(Triage.SelfCare, worse.Triage);
    }

    [Theory]
    [InlineData("\"exercises_6_weeks_or_more\"", "about_the_same")]
    [InlineData("\"exercises_6_weeks_or_more\"", "getting_worse")]
    [InlineData("\"physio\"", "about_the_same")]
    public void Six_weeks_of_exercises_or_physio_without_getting_better_is_seen_within_a_week_or_two(string tried, string trend)
    {
        var result = Evaluate(Mild(extra: $", \"tried\": [{tried}], \"pain_trend\": \"{trend}\""));

        AssertRoute(result, Triage.SeeClinician, TimeFrame.WithinTwoWeeks, "no_better_after_exercise");
    }

    [Theory]
    [InlineData(", \"tried\": [\"exercises_6_weeks_or_more\"], \"pain_trend\": \"getting_better\"")]
    [InlineData(", \"tried\": [\"exercises_under_6_weeks\"], \"pain_trend\": \"about_the_same\"")]
    [InlineData(", \"tried\": [\"exercises_6_weeks_or_more\"]")]
    [InlineData(", \"tried\": [\"rest\", \"painkillers\", \"knee_support\"], \"pain_trend\": \"about_the_same\"")]
    public void Exercises_that_are_helping_too_short_a_trial_or_no_known_trend_stay_self_care(string extra)
    {
        // Without a trend the rules don't guess that the exercises failed.
        Assert.Equal(Triage.SelfCare, Evaluate(Mild(extra: extra)).Triage);
    }

    [Fact]
    public void A_knee_operated_on_in_the_last_three_months_goes_back_to_its_team_within_a_week_or_two()
    {
        var result = Evaluate(Mild(extra: ", \"health_background\": [\"recent_knee_surgery\"]"));

        AssertRoute(result, Triage.SeeClinician, TimeFrame.WithinTwoWeeks, "recent_knee_surgery");
        Assert.False(result.OffersSelfCare);
    }
}
