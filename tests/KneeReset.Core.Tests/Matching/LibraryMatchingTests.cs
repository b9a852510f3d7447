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
        Assert.DoesNotContain(picks, p => p.Routine.Slug == "tendon-decline-squats" || p.NextStage?.Slug == "tendon-decline-squats");
    }

    [Fact]
    public void The_tendon_programme_runs_holds_then_heavy_slow_strength_then_decline_squats()
    {
        string[] order = ["easy", "moderate", "hard"];
        var stages = TestLibrary.Cards.Where(r => r.Causes.SequenceEqual(["tendon_overload"]) && r.Phase == "strengthen")
            .OrderBy(r => Array.IndexOf(order, r.Difficulty)).ToList();
        var steps = stages.Select(s => TestLibrary.Routines[s.Slug]["steps"]!.AsArray()).ToList();

        Assert.Equal(["tendon-loading", "heavy-slow-tendon-strength", "tendon-decline-squats"], stages.Select(s => s.Slug));
        Assert.Equal(order, stages.Select(s => s.Difficulty));
        // Stage 1: isometric holds (Spanish squat among them), then at most a few slow bodyweight
        // lowerings; stage 2: slow both ways, no holds; stage 3 alone has the decline squat; no stage
        // holds springy work.
        Assert.True(steps[0].Count(s => s!["holdSeconds"] is not null) >= 2);
        Assert.All(steps[0].Where(s => s!["holdSeconds"] is null), s =>
        {
            Assert.Equal("slow-tempo-squat", (string?)s!["exercise"]);
            Assert.True((int)s["reps"]! <= 10 && (int)s["sets"]! <= 2);
        });
        Assert.NotNull((int?)steps[0][0]!["holdSeconds"]);
        Assert.Contains("spanish-squat", TestLibrary.ExercisesOf(stages[0].Slug));
        Assert.All(steps[1], s => Assert.Equal("3 s down, 3 s up", (string?)s!["tempo"]));
        Assert.Equal(["tendon-decline-squats"], TestLibrary.Routines.Keys.Where(r => TestLibrary.ExercisesOf(r).Contains("decline-squat")));
        Assert.DoesNotContain(stages, s => TestLibrary.ExercisesOf(s.Slug).Any(TestLibrary.IsSpringy));
        // Each stage says when to start it and, but for the last, when to move on.
        Assert.All(stages, s => Assert.Matches("^Start (here|when)", (string)TestLibrary.Routines[s.Slug]["whenToDo"]!));
        Assert.All(stages.Take(2), s => Assert.Contains("Move on to stage", (string)TestLibrary.Routines[s.Slug]["whenToDo"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void Step_ups_lead_into_decline_squats_from_no_routine_but_the_last_tendon_stage()
    {
        foreach (var routine in TestLibrary.Routines.Keys.Where(r => r != "tendon-decline-squats"))
        {
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var next = new Queue<string>(TestLibrary.ExercisesOf(routine));
            while (next.TryDequeue(out var slug))
            {
                if (reached.Add(slug) && (string?)TestLibrary.Exercises[slug]["harder"] is { } harder)
                {
                    next.Enqueue(harder);
                }
            }

            Assert.False(reached.Contains("decline-squat"), $"{routine} steps up into decline squats");
        }
    }

    [Theory]
    [InlineData(Tendon)]
    [InlineData("""{"age": 30, "location": ["front_kneecap", "below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["start_of_run_then_eases"], "aggravators": ["stairs_down"], "training_changes": ["added_jumping_sport"]}""")]
    public void No_springy_work_is_offered_while_a_tendon_is_in_play(string json)
    {
        var picks = TestLibrary.Match(json);
        var exercises = picks.SelectMany(p => TestLibrary.ExercisesOf(p.Routine.Slug))
            .Concat(picks.Where(p => p.NextStage is not null).SelectMany(p => TestLibrary.ExercisesOf(p.NextStage!.Slug)));

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
