using KneeReset.Core.Matching;

namespace KneeReset.Core.Tests.Matching;

public class RoutineMatcherTests
{
    private static readonly RoutineCard[] Library =
    [
        new("reset", "Reset", RoutineCard.PostRunResetPhase, ["runners_knee", "it_band"], [], ["quads", "stretch", "reset"], false),
        new("hips", "Hips", "strengthen", ["runners_knee", "it_band"], ["knee_caves"], ["hips", "glutes", "strength"], false, "moderate", ["hips", "glutes"]),
        new("tendon", "Tendon", "strengthen", ["tendon_overload"], ["tendon_load"], ["quads", "eccentric"], false, "moderate", ["quads"]),
        new("ankle", "Ankle", "recovery", ["form_mechanics"], ["limited_ankle_dorsiflexion"], ["ankles", "mobility"], false, "easy", ["ankles"]),
        new("gentle", "Gentle", "gentle_range", [], [], ["knee", "mobility"], true),
    ];

    private static IReadOnlyList<MatchedRoutine> Match(string json) =>
        RoutineMatcher.Match(TestContent.Evaluate(json), Library, TestContent.Rules.RuleSet, id => id);

    private static IEnumerable<string> Slugs(IEnumerable<MatchedRoutine> picks) => picks.Select(p => p.Routine.Slug);

    [Fact]
    public void Urgent_results_get_no_routine()
    {
        Assert.Empty(Match("""{"age": 30, "location": ["whole_knee"], "onset": "sudden_injury", "worst_pain": 8, "red_flags": ["cannot_bear_weight"]}"""));
    }

    [Fact]
    public void Clinician_first_results_get_only_gentle_range_of_motion()
    {
        var picks = Match("""{"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": ["locking"]}""");

        Assert.Equal(["gentle"], Slugs(picks));
    }

    [Fact]
    public void Self_care_picks_routines_for_the_likely_cause_first_with_reasons()
    {
        var picks = Match("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "timing": ["start_of_run_then_eases"], "training_changes": ["mileage_spike"]}""");

        Assert.Equal("tendon", picks[0].Routine.Slug);
        Assert.Contains(picks[0].Reasons, r => r.Contains("tendon_overload", StringComparison.Ordinal));
        Assert.DoesNotContain(picks, p => p.Routine.Gentle);
        Assert.Equal("reset", picks[^1].Routine.Slug);
    }

    [Fact]
    public void A_finding_adds_its_routine_with_the_finding_as_the_reason()
    {
        var picks = Match("""{"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "knee_to_wall_cm": 6}""");

        var ankle = Assert.Single(picks, p => p.Routine.Slug == "ankle");
        Assert.Contains(ankle.Reasons, r => r.Contains("knee-to-wall", StringComparison.Ordinal));
    }

    [Fact]
    public void A_load_spike_alone_never_earns_a_loading_routine()
    {
        var picks = Match("""
            {"age": 30, "location": ["whole_knee"], "side": "both", "onset": "gradual", "worst_pain": 2, "timing": ["after_run"], "red_flags": [],
             "longest_run_km_recent": 21, "longest_run_km_month_before": 14}
            """);

        Assert.Equal(["reset"], Slugs(picks));
    }

    [Fact]
    public void A_harder_routine_for_the_same_cause_and_phase_is_named_as_the_next_stage_not_offered_beside_it()
    {
        RoutineCard[] library =
        [
            new("heavy", "Heavy", "strengthen", ["tendon_overload"], [], ["quads", "strength"], false, "hard", ["quads"]),
            new("gentle-start", "Start", "strengthen", ["tendon_overload"], [], ["quads", "eccentric"], false, "easy", ["quads"]),
        ];

        var picks = RoutineMatcher.Match(
            TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "aggravators": ["jumping"]}"""),
            library, TestContent.Rules.RuleSet, id => id);

        var start = Assert.Single(picks);
        Assert.Equal("gentle-start", start.Routine.Slug);
        Assert.Equal("heavy", start.NextStage?.Slug);
    }

    [Fact]
    public void Each_stage_names_only_the_stage_right_after_it()
    {
        // The last stage fits the findings best and so scores highest: it must still not be named after the first.
        RoutineCard[] library =
        [
            new("stage-3", "Stage 3", "strengthen", ["tendon_overload"], ["tendon_load"], ["quads", "eccentric"], false, "hard", ["quads"]),
            new("stage-1", "Stage 1", "strengthen", ["tendon_overload"], [], ["quads", "strength"], false, "easy", ["quads"]),
            new("stage-2", "Stage 2", "strengthen", ["tendon_overload"], [], ["quads", "strength"], false, "moderate", ["quads"]),
        ];

        var picks = RoutineMatcher.Match(
            TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "training_changes": ["mileage_spike"]}"""),
            library, TestContent.Rules.RuleSet, id => id);

        var start = Assert.Single(picks);
        Assert.Equal("stage-1", start.Routine.Slug);
        Assert.Equal("stage-2", start.NextStage?.Slug);
    }

    [Fact]
    public void A_springy_routine_is_neither_offered_nor_named_as_a_next_stage_while_the_tendon_is_in_play()
    {
        RoutineCard[] library =
        [
            new("warm-up", "Warm-up", "warm_up", ["runners_knee", "tendon_overload"], [], ["hips", "mobility"], false, "easy", ["hips"]),
            new("drills", "Drills", "warm_up", ["runners_knee", "tendon_overload"], [], ["hips", "activation"], false, "moderate", ["hips"], Springy: true),
        ];
        var tendon = TestContent.Evaluate("""{"age": 30, "location": ["below_kneecap"], "onset": "gradual", "worst_pain": 4, "red_flags": [], "aggravators": ["jumping"]}""");
        var kneecap = TestContent.Evaluate(TestContent.MildKneecap());

        var forTendon = Assert.Single(RoutineMatcher.Match(tendon, library, TestContent.Rules.RuleSet, id => id));
        var forKneecap = Assert.Single(RoutineMatcher.Match(kneecap, library, TestContent.Rules.RuleSet, id => id));

        Assert.Null(forTendon.NextStage);
        Assert.Equal("drills", forKneecap.NextStage?.Slug);
    }

    [Fact]
    public void Durations_are_computed_from_the_steps()
    {
        StepDosage[] steps =
        [
            new(3, 10, null, 30, false, null, "strength", ["glutes"]),
            new(2, null, 30, 10, true, null, "stretch", ["quads"]),
            new(3, 15, null, 0, false, "3-4 s lowering", "eccentric", ["quads"]),
        ];

        // A 5 s get-ready before each exercise, as the player has; 3 x 10 reps at 3 s with 2 rests of 30 s;
        // 2 x 30 s holds per side with 1 rest and 2 side switches; 3 x 15 slow reps at 5 s.
        Assert.Equal((5 + 90 + 60) + (5 + 120 + 10 + 10) + (5 + 225), RoutineDosage.DurationSeconds(steps));
        Assert.Equal(["glutes", "quads", "eccentric", "strength", "stretch"], RoutineDosage.Targets("strengthen", steps));
        Assert.Contains("reset", RoutineDosage.Targets(RoutineCard.PostRunResetPhase, steps));
        Assert.Equal(["quads"], RoutineDosage.Focus(steps));
    }
}
