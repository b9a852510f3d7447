using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

public class AssessmentRulesTests
{
    private const string Kneecap = """{"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "aggravators": ["stairs_down", "prolonged_sitting"]}""";

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
    public void Inner_knee_pain_fits_no_cause_and_goes_to_a_clinician()
    {
        var result = TestContent.Evaluate("""{"age": 40, "location": ["inner_side"], "onset": "gradual", "worst_pain": 3, "red_flags": []}""");

        Assert.Null(result.TopCause);
        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Contains(result.TriageReasons, r => r.Rule == "outside_the_four");
    }

    [Fact]
    public void Mild_diffuse_soreness_names_no_cause_and_stays_self_care()
    {
        var result = TestContent.Evaluate("""{"age": 40, "location": ["whole_knee"], "side": "both", "onset": "gradual", "worst_pain": 2, "timing": ["after_run"], "red_flags": []}""");

        Assert.Null(result.TopCause);
        Assert.Equal(Triage.SelfCare, result.Triage);
    }

    [Fact]
    public void A_longest_run_spike_counts_for_tendon_overload_with_the_runners_own_figure()
    {
        const string Below = """{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": []""";
        var steady = TestContent.Evaluate(Below + ", \"longest_run_km_recent\": 10, \"longest_run_km_month_before\": 10}");
        var spiked = TestContent.Evaluate(Below + ", \"longest_run_km_recent\": 21, \"longest_run_km_month_before\": 12}");

        Assert.True(spiked.Cause("tendon_overload").Score > steady.Cause("tendon_overload").Score);
        Assert.Contains(spiked.Cause("tendon_overload").Evidence, e => e.Text.Contains("75%", StringComparison.Ordinal));
        Assert.Equal(75, spiked.TrainingLoad.LongestRunIncreasePercent);
        Assert.Contains(spiked.Findings, f => f.Id == "tendon_load");
    }

    [Fact]
    public void Worn_shoes_past_800_km_count_a_little_for_form_and_mechanics()
    {
        const string Whole = """{"age": 30, "location": ["whole_knee"], "side": "both", "onset": "gradual", "worst_pain": 3, "red_flags": [], "form": ["overstriding"]""";
        var fresh = TestContent.Evaluate(Whole + ", \"shoe_km\": 200}");
        var worn = TestContent.Evaluate(Whole + ", \"shoe_km\": 950}");

        // Only the studio's advice is behind shoe age, so it counts one point, not three.
        Assert.Equal(1, worn.Cause("form_mechanics").Score - fresh.Cause("form_mechanics").Score);
        Assert.Contains(worn.Cause("form_mechanics").Evidence, e => e.Text.Contains("950 km", StringComparison.Ordinal));
    }

    [Fact]
    public void Pain_in_separate_parts_of_the_knee_lowers_confidence()
    {
        var one = TestContent.Evaluate("""{"age": 30, "location": ["outer_side"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["during_run_builds"]}""");
        var many = TestContent.Evaluate("""{"age": 30, "location": ["outer_side", "front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["during_run_builds"]}""");

        Assert.True(many.Cause("it_band").Score < one.Cause("it_band").Score);
        Assert.Contains(many.Cause("it_band").Evidence, e => e.Weight < 0);
    }

    [Fact]
    public void Spots_around_above_and_below_the_kneecap_are_one_area_not_several()
    {
        var one = TestContent.Evaluate("""{"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": []}""");
        var front = TestContent.Evaluate("""{"age": 30, "location": ["front_kneecap", "below_kneecap", "above_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": []}""");

        Assert.Equal(one.Cause("runners_knee").Score, front.Cause("runners_knee").Score);
        Assert.DoesNotContain(front.Cause("runners_knee").Evidence, e => e.Weight < 0);
    }

    [Fact]
    public void Unanswered_questions_never_count()
    {
        var result = TestContent.Evaluate("""{"location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": []}""");

        Assert.All(result.Causes.SelectMany(c => c.Evidence), e => Assert.All(e.Answers, a => Assert.Contains(a, new[] { "location", "onset" })));
        Assert.Null(result.TrainingLoad.WeeklyIncreasePercent);
    }

    [Fact]
    public void Evidence_from_computed_figures_cites_the_answers_they_come_from()
    {
        var result = TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "weekly_km_now": 40, "weekly_km_month_ago": 20}""");

        var weekly = Assert.Single(result.Cause("tendon_overload").Evidence, e => e.Text.StartsWith("Weekly distance", StringComparison.Ordinal));
        Assert.Equal(["weekly_km_now", "weekly_km_month_ago"], weekly.Answers);
    }

    [Fact]
    public void Evaluation_is_deterministic()
    {
        var answers = TestContent.Answers(Kneecap);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(TestContent.Rules.Evaluate(answers), ContentJson.Options),
            System.Text.Json.JsonSerializer.Serialize(TestContent.Rules.Evaluate(answers.Copy()), ContentJson.Options));
    }

    [Fact]
    public void Every_rule_says_why_and_names_its_source()
    {
        var rules = TestContent.Rules.RuleSet;
        var texts = rules.Causes.SelectMany(c => c.Signals.Select(s => (s.Why, s.Source)).Concat(c.Care.Select(n => (n.Why, n.Source))))
            .Concat(rules.Triage.Select(t => (t.Why, t.Source)))
            .Concat(rules.Findings.Select(f => (f.Why, f.Source)))
            .Concat(rules.Groups.Values.Select(g => (g.Why, g.Source)));

        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Why));
            Assert.False(string.IsNullOrWhiteSpace(t.Source));
        });
    }
}
