using KneeReset.Core.Matching;

namespace KneeReset.Core.Tests.Matching;

/// <summary>A pain-free runner who wants prevention gets prevention routines, not care for a cause they don't have.</summary>
public class PreventionMatchingTests
{
    private const string PainFree = """
        {"age": 30, "location": ["front_kneecap"], "onset": "gradual", "worst_pain": 0, "red_flags": [],
         "single_leg_squat_knee_caves": true}
        """;

    [Fact]
    public void A_pain_free_runner_gets_the_warm_up_and_the_strength_their_self_checks_ask_for()
    {
        var picks = TestLibrary.Match(PainFree);
        var slugs = picks.Select(p => p.Routine.Slug).ToList();

        Assert.Contains("dynamic-warm-up", slugs);
        Assert.Contains("hip-and-glute-strength", slugs);
        Assert.Contains("post-run-knee-reset", slugs);
        Assert.DoesNotContain(picks.SelectMany(p => p.Reasons), r => r.Contains("which your answers point to", StringComparison.Ordinal));
    }

    [Fact]
    public void With_some_pain_a_finding_alone_still_earns_no_loading_routine()
    {
        var picks = TestLibrary.Match(PainFree.Replace("\"worst_pain\": 0", "\"worst_pain\": 2", StringComparison.Ordinal).Replace("front_kneecap", "whole_knee", StringComparison.Ordinal));

        Assert.DoesNotContain(picks, p => p.Routine.Loads);
    }

    [Theory]
    [InlineData("Runner's knee (patellofemoral pain)", "runner's knee (patellofemoral pain)")]
    [InlineData("IT band syndrome", "IT band syndrome")]
    [InlineData("Tendon overload (patellar or quadriceps tendon)", "tendon overload (patellar or quadriceps tendon)")]
    public void A_cause_name_inside_a_sentence_keeps_an_acronyms_capitals(string name, string inSentence) =>
        Assert.Equal(inSentence, RoutineMatcher.InSentence(name));
}
