using KneeReset.Core.Assessment;

namespace KneeReset.Core.Tests.Rules;

public class AssessmentRulesTests
{
    private const string Kneecap = """{"location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "aggravators": ["stairs_down", "prolonged_sitting"]}""";

    [Fact]
    public void Stairs_and_sitting_pain_around_the_kneecap_points_to_runners_knee()
    {
        var result = TestContent.Evaluate(Kneecap);

        Assert.Equal("runners_knee", result.TopCause);
        Assert.Equal(Band.Likely, result.Cause("runners_knee").Band);
        Assert.Contains(result.Cause("runners_knee").Evidence, e => e.Answers.Contains("aggravators") && e.Weight > 0);
        Assert.Equal(Triage.SelfCare, result.Triage);
    }

    [Fact]
    public void An_urgent_red_flag_wins_over_a_clear_cause_and_names_no_top_cause()
    {
        var result = TestContent.Evaluate(Kneecap.Replace("\"red_flags\": []", "\"red_flags\": [\"calf_pain_swelling\"]"));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Null(result.TopCause);
        Assert.Equal("calf_pain", result.TriageReasons[0].Rule);
        // The scores are still there for a clinician to read.
        Assert.Equal(Band.Likely, result.Cause("runners_knee").Band);
    }

    [Theory]
    [InlineData("locking")]
    [InlineData("giving_way")]
    [InlineData("night_pain")]
    [InlineData("numbness_tingling")]
    [InlineData("unexplained_weight_loss")]
    [InlineData("persists_despite_rest")]
    [InlineData("limping")]
    [InlineData("fever_unwell")]
    public void Clinician_red_flags_send_a_clear_cause_to_a_clinician(string flag)
    {
        var result = TestContent.Evaluate(Kneecap.Replace("\"red_flags\": []", $"\"red_flags\": [\"{flag}\"]"));

        Assert.Equal(Triage.SeeClinician, result.Triage);
    }

    [Theory]
    [InlineData("rapid_swelling", "gradual")]
    [InlineData("cannot_bear_weight", "gradual")]
    [InlineData("hot_red_swollen", "gradual")]
    [InlineData("felt_pop", "sudden_injury")]
    [InlineData("cannot_bend_90", "sudden_injury")]
    [InlineData("bony_tenderness_kneecap", "sudden_injury")]
    public void Urgent_red_flags_are_urgent(string flag, string onset)
    {
        var result = TestContent.Evaluate($$"""{"location": ["whole_knee"], "onset": "{{onset}}", "worst_pain": 5, "red_flags": ["{{flag}}"]}""");

        Assert.Equal(Triage.Urgent, result.Triage);
    }

    [Fact]
    public void A_pop_without_an_injury_goes_to_a_clinician_not_to_urgent_care()
    {
        var result = TestContent.Evaluate("""{"location": ["front_kneecap"], "onset": "gradual", "worst_pain": 3, "red_flags": ["felt_pop"]}""");

        Assert.Equal(Triage.SeeClinician, result.Triage);
    }

    [Theory]
    [InlineData(15, 4, 6, Triage.SeeClinician)]
    [InlineData(16, 4, 6, Triage.SelfCare)]
    [InlineData(30, 8, 6, Triage.SeeClinician)]
    [InlineData(30, 7, 6, Triage.SelfCare)]
    [InlineData(30, 4, 14, Triage.SeeClinician)]
    [InlineData(30, 4, 12, Triage.SelfCare)]
    public void Age_severity_and_duration_thresholds(int age, int worstPain, int weeks, Triage expected)
    {
        var result = TestContent.Evaluate($$"""
            {"age": {{age}}, "worst_pain": {{worstPain}}, "duration_weeks": {{weeks}}, "location": ["front_kneecap"],
             "onset": "gradual", "red_flags": [], "aggravators": ["stairs_down"]}
            """);

        Assert.Equal(expected, result.Triage);
    }

    [Fact]
    public void Inner_knee_pain_fits_no_cause_and_goes_to_a_clinician()
    {
        var result = TestContent.Evaluate("""{"location": ["inner_side"], "onset": "gradual", "worst_pain": 3, "red_flags": []}""");

        Assert.Null(result.TopCause);
        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Contains(result.TriageReasons, r => r.Rule == "outside_the_four");
    }

    [Fact]
    public void Mild_diffuse_soreness_names_no_cause_and_stays_self_care()
    {
        var result = TestContent.Evaluate("""{"location": ["whole_knee"], "side": "both", "onset": "gradual", "worst_pain": 2, "timing": ["after_run"], "red_flags": []}""");

        Assert.Null(result.TopCause);
        Assert.Equal(Triage.SelfCare, result.Triage);
    }

    [Fact]
    public void A_longest_run_spike_counts_for_tendon_overload_with_the_runners_own_figure()
    {
        const string Below = """{"location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": []""";
        var steady = TestContent.Evaluate(Below + ", \"longest_run_km_recent\": 10, \"longest_run_km_month_before\": 10}");
        var spiked = TestContent.Evaluate(Below + ", \"longest_run_km_recent\": 21, \"longest_run_km_month_before\": 12}");

        Assert.True(spiked.Cause("tendon_overload").Score > steady.Cause("tendon_overload").Score);
        Assert.Contains(spiked.Cause("tendon_overload").Evidence, e => e.Text.Contains("75%", StringComparison.Ordinal));
        Assert.Equal(75, spiked.TrainingLoad.LongestRunIncreasePercent);
        Assert.Contains(spiked.Findings, f => f.Id == "tendon_load");
    }

    [Fact]
    public void Worn_shoes_past_800_km_count_for_form_and_mechanics()
    {
        const string Whole = """{"location": ["whole_knee"], "side": "both", "onset": "gradual", "worst_pain": 3, "red_flags": [], "form": ["overstriding"]""";
        var fresh = TestContent.Evaluate(Whole + ", \"shoe_km\": 200}");
        var worn = TestContent.Evaluate(Whole + ", \"shoe_km\": 950}");

        Assert.Equal(3, worn.Cause("form_mechanics").Score - fresh.Cause("form_mechanics").Score);
        Assert.Contains(worn.Cause("form_mechanics").Evidence, e => e.Text.Contains("950 km", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_locations_lower_confidence()
    {
        var one = TestContent.Evaluate("""{"location": ["outer_side"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["during_run_builds"]}""");
        var many = TestContent.Evaluate("""{"location": ["outer_side", "back_of_knee"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["during_run_builds"]}""");

        Assert.True(many.Cause("it_band").Score < one.Cause("it_band").Score);
        Assert.Contains(many.Cause("it_band").Evidence, e => e.Weight < 0);
    }

    [Fact]
    public void Unanswered_questions_never_count()
    {
        var result = TestContent.Evaluate("""{"location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": []}""");

        Assert.All(result.Causes.SelectMany(c => c.Evidence), e => Assert.All(e.Answers, a => Assert.Contains(a, new[] { "location", "onset" })));
        Assert.Null(result.TrainingLoad.WeeklyIncreasePercent);
    }

    [Fact]
    public void Evaluation_is_deterministic()
    {
        var answers = TestContent.Answers(Kneecap);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(TestContent.Rules.Evaluate(answers), ContentJson.Options),
            System.Text.Json.JsonSerializer.Serialize(TestContent.Rules.Evaluate(answers.Copy()), ContentJson.Options));
    }
}
