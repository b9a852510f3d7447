using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Rules;

/// <summary>Where the red flags and the edges of the questionnaire send a runner: never under-routed, never sent away needlessly.</summary>
public class TriageTests
{
    private static string Kneecap(string extra = "", string flags = "", int age = 30, string onset = "gradual") =>
        TestContent.MildKneecap(flags, age, onset, extra: extra);

    private static AssessmentResult Evaluate(string json) => TestContent.Evaluate(json);

    [Fact]
    public void The_baseline_case_is_self_care()
    {
        Assert.Equal(Triage.SelfCare, Evaluate(Kneecap()).Triage);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(12)]
    public void Fever_or_feeling_unwell_with_a_painful_knee_is_urgent_at_any_age(int age)
    {
        var result = Evaluate(Kneecap(flags: "\"fever_unwell\"", age: age));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Contains("infected joint", result.TriageReasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_with_a_fever_and_a_limp_is_urgent()
    {
        Assert.Equal(Triage.Urgent, Evaluate(Kneecap(flags: "\"fever_unwell\", \"limping\"", age: 9)).Triage);
    }

    [Theory]
    [InlineData(55)]
    [InlineData(70)]
    public void After_an_injury_age_55_or_over_is_an_x_ray_by_itself(int age)
    {
        var result = Evaluate(Kneecap(age: age, onset: "sudden_injury"));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Equal("injury_at_55_or_over", result.TriageReasons[0].Rule);
    }

    [Fact]
    public void After_an_injury_the_55_or_over_age_band_is_an_x_ray_too()
    {
        var json = Kneecap(onset: "sudden_injury").Replace("\"age\": 30", "\"age_band\": \"55_or_over\"", StringComparison.Ordinal);

        Assert.Equal(Triage.Urgent, Evaluate(json).Triage);
    }

    [Fact]
    public void After_an_injury_under_55_without_other_signs_is_seen_soon_not_urgently()
    {
        Assert.Equal(Triage.SeeClinician, Evaluate(Kneecap(age: 54, onset: "sudden_injury")).Triage);
    }

    [Fact]
    public void A_tender_fibular_head_after_an_injury_is_urgent_and_can_be_recorded()
    {
        Assert.NotNull(TestContent.Questions.Find("red_flags")!.Option("bony_tenderness_fibula"));

        var result = Evaluate(Kneecap(flags: "\"bony_tenderness_fibula\"", onset: "sudden_injury"));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Equal("bone_after_injury", result.TriageReasons[0].Rule);
    }

    [Theory]
    [InlineData("at_rest")]
    [InlineData("at_night")]
    public void Pain_at_rest_or_at_night_goes_to_a_clinician(string timing)
    {
        var result = Evaluate(Kneecap(extra: $", \"timing\": [\"{timing}\"]"));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Contains(result.TriageReasons, r => r.Rule == "night_rest_or_weight_loss");
    }

    [Theory]
    [InlineData("inner_side")]
    [InlineData("back_of_knee")]
    public void Inner_or_back_of_knee_pain_goes_to_a_clinician_even_when_another_spot_scores(string spot)
    {
        var result = Evaluate(Kneecap().Replace("[\"front_kneecap\"]", $"[\"front_kneecap\", \"{spot}\"]", StringComparison.Ordinal));

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Contains(result.TriageReasons, r => r.Rule == "outside_the_four");
        Assert.False(result.OffersSelfCare);
    }

    [Fact]
    public void Without_an_age_pain_below_the_kneecap_is_treated_as_a_growing_knee()
    {
        var result = Evaluate("""{"location": ["below_kneecap"], "onset": "gradual", "worst_pain": 3, "red_flags": [], "timing": ["start_of_run_then_eases"]}""");

        Assert.Equal(Triage.SeeClinician, result.Triage);
        Assert.Equal("growing_knee_age_unknown", result.TriageReasons[0].Rule);
    }

    [Fact]
    public void Without_an_age_an_injury_is_treated_as_possibly_55_or_over()
    {
        var result = Evaluate("""{"location": ["whole_knee"], "onset": "sudden_injury", "worst_pain": 3, "red_flags": []}""");

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Equal("injury_age_unknown", result.TriageReasons[0].Rule);
    }

    [Fact]
    public void An_age_range_is_enough_to_lift_the_caution()
    {
        var json = """{"age_band": "16_to_54", "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 3, "red_flags": []}""";

        Assert.Equal(Triage.SelfCare, Evaluate(json).Triage);
    }

    [Fact]
    public void A_pop_without_an_injury_swelling_locking_or_giving_way_is_self_care()
    {
        Assert.Equal(Triage.SelfCare, Evaluate(Kneecap(flags: "\"felt_pop\"")).Triage);
    }

    [Theory]
    [InlineData("\"felt_pop\", \"rapid_swelling\"", Triage.Urgent)]
    [InlineData("\"felt_pop\", \"locking\"", Triage.SeeClinician)]
    [InlineData("\"felt_pop\", \"giving_way\"", Triage.SeeClinician)]
    public void A_pop_with_swelling_locking_or_giving_way_is_not_self_care(string flags, Triage expected)
    {
        Assert.Equal(expected, Evaluate(Kneecap(flags: flags)).Triage);
    }

    [Fact]
    public void A_pop_at_the_moment_of_an_injury_is_urgent()
    {
        Assert.Equal(Triage.Urgent, Evaluate(Kneecap(flags: "\"felt_pop\"", onset: "sudden_injury")).Triage);
    }

    [Theory]
    [InlineData("[\"front_kneecap\"]", Triage.SelfCare)]
    [InlineData("[\"above_kneecap\"]", Triage.SeeClinician)]
    [InlineData("[\"outer_side\"]", Triage.SeeClinician)]
    [InlineData("[\"whole_knee\"]", Triage.SeeClinician)]
    [InlineData("[\"inner_side\"]", Triage.SeeClinician)]
    [InlineData("[\"back_of_knee\"]", Triage.SeeClinician)]
    [InlineData("[\"below_kneecap\"]", Triage.SeeClinician)]
    [InlineData("[\"front_kneecap\", \"outer_side\"]", Triage.SeeClinician)]
    public void Under_16_only_pain_around_the_kneecap_itself_is_self_care(string location, Triage expected)
    {
        var result = Evaluate(Kneecap(age: 14).Replace("[\"front_kneecap\"]", location, StringComparison.Ordinal));

        Assert.Equal(expected, result.Triage);
    }

    [Fact]
    public void Under_16_a_limp_is_seen_today()
    {
        var result = Evaluate(Kneecap(flags: "\"limping\"", age: 13));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Equal(TimeFrame.Today, result.TimeFrame);
    }

    [Fact]
    public void Rapid_swelling_without_an_injury_is_urgent_and_its_reason_does_not_mention_an_injury()
    {
        var result = Evaluate(Kneecap(flags: "\"rapid_swelling\""));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.All(result.TriageReasons.Where(r => r.Level == Triage.Urgent), r => Assert.DoesNotContain("injury", r.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("rapid_swelling", "gradual")]
    [InlineData("cannot_bear_weight", "gradual")]
    [InlineData("hot_red_swollen", "gradual")]
    [InlineData("fever_unwell", "gradual")]
    [InlineData("calf_pain_swelling", "gradual")]
    [InlineData("felt_pop", "sudden_injury")]
    [InlineData("cannot_bend_90", "sudden_injury")]
    [InlineData("bony_tenderness_kneecap", "sudden_injury")]
    [InlineData("bony_tenderness_fibula", "sudden_injury")]
    public void Urgent_red_flags_are_urgent(string flag, string onset)
    {
        var result = Evaluate($$"""{"age": 30, "location": ["whole_knee"], "onset": "{{onset}}", "worst_pain": 5, "red_flags": ["{{flag}}"]}""");

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Null(result.TopCause);
    }

    [Theory]
    [InlineData("locking")]
    [InlineData("giving_way")]
    [InlineData("night_pain")]
    [InlineData("numbness_tingling")]
    [InlineData("unexplained_weight_loss")]
    [InlineData("persists_despite_rest")]
    [InlineData("limping")]
    [InlineData("cannot_bend_90")]
    [InlineData("bony_tenderness_kneecap")]
    [InlineData("bony_tenderness_fibula")]
    public void Clinician_red_flags_send_a_clear_cause_to_a_clinician(string flag)
    {
        Assert.Equal(Triage.SeeClinician, Evaluate(Kneecap(flags: $"\"{flag}\"")).Triage);
    }

    [Theory]
    [InlineData(8, 6, Triage.SeeClinician)]
    [InlineData(7, 6, Triage.SelfCare)]
    [InlineData(4, 13, Triage.SeeClinician)]
    [InlineData(4, 12, Triage.SelfCare)]
    public void Severity_and_duration_thresholds(int worstPain, int weeks, Triage expected)
    {
        var json = Kneecap().Replace("\"worst_pain\": 4, \"duration_weeks\": 4", $"\"worst_pain\": {worstPain}, \"duration_weeks\": {weeks}", StringComparison.Ordinal);

        Assert.Equal(expected, Evaluate(json).Triage);
    }

    [Fact]
    public void An_urgent_red_flag_wins_over_a_clear_cause_and_names_no_top_cause()
    {
        var result = Evaluate(Kneecap(flags: "\"calf_pain_swelling\""));

        Assert.Equal(Triage.Urgent, result.Triage);
        Assert.Null(result.TopCause);
        Assert.Equal("calf_pain", result.TriageReasons[0].Rule);
        Assert.False(result.OffersExercise);
        // The scores are still there for a clinician to read.
        Assert.Equal(Band.Likely, result.Cause("runners_knee").Band);
    }
}
