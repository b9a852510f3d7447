namespace KneeReset.Core.Tests.Matching;

/// <summary>Matching against the real routine library in content/: the dosage and combinations the guidelines ask for.</summary>
public class LibraryMatchingTests
{
    private const string Tendon = """
        {"age": 24, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [],
         "timing": ["start_of_run_then_eases", "morning_stiffness"], "aggravators": ["jumping"], "training_changes": ["mileage_spike"]}
        """;

    private static IEnumerable<string> Slugs(string json) => TestLibrary.Match(json).Select(p => p.Routine.Slug);

    [Fact]
    public void A_tendon_case_gets_one_loading_stage_at_a_time_with_the_next_stage_named()
    {
        var picks = TestLibrary.Match(Tendon);

        var loading = Assert.Single(picks, p => p.Routine.Causes.SequenceEqual(["tendon_overload"]) && p.Routine.Loads);
        Assert.Equal("tendon-loading", loading.Routine.Slug);
        Assert.Equal("heavy-slow-tendon-strength", loading.NextStage?.Slug);
    }

    [Theory]
    [InlineData(Tendon)]
    [InlineData("""{"age": 30, "location": ["front_kneecap", "below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["start_of_run_then_eases"], "aggravators": ["stairs_down"], "training_changes": ["added_jumping_sport"]}""")]
    public void No_springy_work_is_offered_while_a_tendon_is_in_play(string json)
    {
        var exercises = TestLibrary.Match(json).SelectMany(p => TestLibrary.ExercisesOf(p.Routine.Slug));

        Assert.DoesNotContain("a-skip", exercises);
        Assert.DoesNotContain("walking-lunge", exercises);
    }

    [Theory]
    [InlineData("""["stairs_down"]""", false)]
    [InlineData("""["stairs_down", "prolonged_sitting"]""", true)]
    [InlineData("""["squatting", "kneeling"]""", false)]
    public void Runners_knee_always_gets_hip_and_quadriceps_strengthening_together(string aggravators, bool caves)
    {
        var slugs = Slugs($$"""
            {"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "aggravators": {{aggravators}},
             "single_leg_squat_knee_caves": {{(caves ? "true" : "false")}}}
            """).ToList();

        Assert.Equal("hip-and-glute-strength", slugs[0]);
        Assert.Equal("quad-and-kneecap-control", slugs[1]);
    }

    [Fact]
    public void It_band_cases_start_with_hip_strength_and_lateral_hip_release()
    {
        var slugs = Slugs("""
            {"age": 35, "location": ["outer_side"], "onset": "gradual", "worst_pain": 5, "red_flags": [],
             "timing": ["during_run_builds"], "aggravators": ["downhill"], "training_changes": ["cambered_surface"], "hip_flexors_tight": true}
            """).ToList();

        Assert.Equal(["hip-and-glute-strength", "lateral-hip-release"], slugs.Take(2));
    }

    [Fact]
    public void Form_cases_get_foot_strength_and_ankle_mobility()
    {
        var slugs = Slugs("""
            {"age": 38, "location": ["whole_knee"], "side": "both", "onset": "gradual", "worst_pain": 3, "red_flags": [],
             "form": ["overstriding", "arches_collapse"], "shoe_km": 900}
            """).ToList();

        Assert.Equal(["foot-and-ankle-strength", "ankle-dorsiflexion-mobility"], slugs.Take(2));
    }

    [Fact]
    public void Every_cause_guideline_can_be_met_by_the_library()
    {
        foreach (var cause in TestContent.Rules.RuleSet.Causes)
        {
            foreach (var need in cause.Care)
            {
                Assert.True(TestLibrary.Cards.Any(r => r.Causes.Contains(cause.Id) && r.Meets(need)), $"no routine for {cause.Id} meets {need.Focus}/{need.Work}");
            }
        }
    }
}
