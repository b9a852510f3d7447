using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

/// <summary>Causes follow the evidence: where it hurts first, then the pattern; load explains why now, form contributes.</summary>
public class CauseTests
{
    private const string AllTheLoad = """
        "training_changes": ["mileage_spike", "added_hills", "added_speed_work", "added_jumping_sport", "added_heavy_strength", "returned_from_break"],
        "weekly_km_now": 60, "weekly_km_month_ago": 20, "longest_run_km_recent": 30, "longest_run_km_month_before": 10
        """;

    private const string LateralItBand = """
        "age": 35, "location": ["outer_side"], "side": "one", "onset": "gradual", "duration_weeks": 3, "character": "sharp",
        "timing": ["during_run_builds"], "aggravators": ["downhill"], "worst_pain": 5, "red_flags": []
        """;

    [Fact]
    public void Load_never_makes_tendon_overload_beat_a_textbook_outer_knee_picture()
    {
        var result = TestContent.Evaluate($"{{{LateralItBand}, {AllTheLoad}}}");

        Assert.Equal("it_band", result.TopCause);
        Assert.Equal(Band.Unlikely, result.Cause("tendon_overload").Band);
        Assert.DoesNotContain(result.Cause("tendon_overload").Evidence, e => e.Answers.Contains("training_changes"));
    }

    [Fact]
    public void Load_raises_the_cause_that_the_location_supports()
    {
        var without = TestContent.Evaluate($"{{{LateralItBand}}}");
        var with = TestContent.Evaluate($"{{{LateralItBand}, {AllTheLoad}}}");

        Assert.True(with.Cause("it_band").Score > without.Cause("it_band").Score);
    }

    [Fact]
    public void Load_adds_no_more_to_a_cause_than_the_location_supports_it()
    {
        // Kneecap pain fits tendon overload only a little (2 points): all the load in the world adds at most that much.
        var result = TestContent.Evaluate($$"""{"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], {{AllTheLoad}}}""");

        Assert.Equal(4, result.Cause("tendon_overload").Score);
        Assert.Equal("runners_knee", result.TopCause);
        Assert.NotEmpty(result.Cause("tendon_overload").Notes!);
    }

    [Theory]
    [InlineData("""["overstriding", "heavy_heel_strike", "low_cadence", "arches_collapse", "uneven_shoe_wear", "knees_cave_in"]""", 950)]
    [InlineData("""["overstriding", "heavy_heel_strike", "low_cadence", "arches_collapse"]""", 600)]
    public void Form_signals_contribute_but_never_beat_a_clearly_located_kneecap_picture(string form, int shoes)
    {
        var result = TestContent.Evaluate($$"""
            {"age": 30, "location": ["front_kneecap"], "side": "both", "onset": "gradual", "worst_pain": 4, "red_flags": [],
             "aggravators": ["stairs_down"], "timing": ["after_run"], "form": {{form}}, "shoe_km": {{shoes}}, "knee_to_wall_cm": 6}
            """);

        Assert.Equal("runners_knee", result.TopCause);
        Assert.Equal("runners_knee", result.Causes[0].Cause);
        Assert.Equal(Band.Possible, result.Cause("form_mechanics").Band);
    }

    [Fact]
    public void Form_signals_are_capped_even_where_the_location_fits()
    {
        var result = TestContent.Evaluate("""
            {"age": 30, "location": ["whole_knee"], "onset": "gradual", "worst_pain": 3, "red_flags": [],
             "form": ["overstriding", "heavy_heel_strike", "low_cadence", "arches_collapse", "uneven_shoe_wear", "knees_cave_in"], "shoe_km": 950}
            """);

        // 1.5 for the diffuse location and at most 5 for form and shoes, whatever their sum (13.5).
        Assert.Equal(6.5, result.Cause("form_mechanics").Score);
        Assert.Equal("form_mechanics", result.TopCause);
    }

    [Fact]
    public void Going_from_no_running_to_40_km_a_week_is_load_evidence()
    {
        var result = TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "weekly_km_now": 40, "weekly_km_month_ago": 0}""");

        Assert.True(result.TrainingLoad.WeeklyFromNothing);
        Assert.Contains(result.Cause("tendon_overload").Evidence, e => e.Text.Contains("40 km a week after not running", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Id == "tendon_load");
    }

    [Fact]
    public void A_15_km_run_after_no_runs_is_the_largest_spike_of_all()
    {
        var fromNothing = TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "longest_run_km_recent": 15, "longest_run_km_month_before": 0}""");
        var spike = TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "longest_run_km_recent": 15, "longest_run_km_month_before": 10}""");

        Assert.True(fromNothing.TrainingLoad.LongestRunFromNothing);
        Assert.True(fromNothing.Cause("tendon_overload").Score > spike.Cause("tendon_overload").Score);
        Assert.Contains(fromNothing.Cause("tendon_overload").Evidence, e => e.Text.Contains("15 km came after no runs", StringComparison.Ordinal));
    }

    [Fact]
    public void Below_and_around_the_kneecap_with_the_warm_up_pattern_keeps_runners_knee_as_a_possible_alternative()
    {
        var result = TestContent.Evaluate("""
            {"age": 27, "location": ["below_kneecap", "front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [],
             "timing": ["start_of_run_then_eases", "morning_stiffness"]}
            """);

        Assert.Equal("tendon_overload", result.TopCause);
        Assert.NotEqual(Band.Unlikely, result.Cause("runners_knee").Band);
    }

    [Theory]
    [InlineData("\"longest_run_km_recent\": 16, \"longest_run_km_month_before\": 12")]
    [InlineData("\"weekly_km_now\": 40, \"weekly_km_month_ago\": 25")]
    [InlineData("\"training_changes\": [\"mileage_spike\"]")]
    public void Kneecap_pain_with_a_load_spike_names_tendon_overload_as_possible(string load)
    {
        var result = TestContent.Evaluate($$"""
            {"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "aggravators": ["stairs_down"], {{load}}}
            """);

        Assert.Equal("runners_knee", result.TopCause);
        Assert.Equal(Band.Possible, result.Cause("tendon_overload").Band);
    }

    [Fact]
    public void A_cause_the_location_does_not_support_is_never_named_first()
    {
        // A tendon-like pattern, but on the outer side of the knee.
        var result = TestContent.Evaluate("""
            {"age": 30, "location": ["outer_side"], "onset": "gradual", "worst_pain": 4, "red_flags": [],
             "timing": ["start_of_run_then_eases", "morning_stiffness"], "aggravators": ["jumping", "uphill", "speed_work", "squatting"]}
            """);

        Assert.Equal("it_band", result.TopCause);
        Assert.False(result.Cause("tendon_overload").Located);
        Assert.NotEqual(Band.Likely, result.Cause("tendon_overload").Band);
    }
}
