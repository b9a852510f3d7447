using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using KneeReset.Core.Matching;
using KneeReset.Core.Rules;
using KneeReset.Core.TrainingImport;

namespace KneeReset.Core.Tests.Rules;

/// <summary>Safety properties over thousands of generated answer sets per run.</summary>
public class RulePropertyTests
{
    private static readonly int Iterations = PropertyIterations.Or(400);

    private static AssessmentResult Evaluate(JsonObject json) => TestContent.Rules.Evaluate(AnswerGen.ToAnswers(json));

    private static IReadOnlyList<MatchedRoutine> Match(AssessmentResult result) =>
        RoutineMatcher.Match(result, TestLibrary.Cards, TestContent.Rules.RuleSet, id => id);

    /// <summary>What an import of up to 40 runs over 90 days, 0.1–40 km each, would summarise.</summary>
    private static readonly Gen<TrainingSummary> Imports = Gen.Select(Gen.Int[0, 90], Gen.Int[1, 400]).List[1, 40]
        .Select(runs => TrainingFigures.Summarise(runs.Select(r => new RunRecord(new DateOnly(2025, 9, 1).AddDays(r.Item1), r.Item2 / 10.0, null)).ToList()));

    private static readonly string[] RedFlags = TestContent.Questions.Find("red_flags")!.Options.Select(o => o.Value).ToArray();

    [Fact]
    public void Adding_any_red_flag_never_lowers_triage()
    {
        Gen.Select(AnswerGen.Any, Gen.OneOf(RedFlags)).Sample((answers, flag) =>
        {
            var before = Evaluate(answers).Triage;
            var after = Evaluate(AnswerGen.With(answers, new JsonObject { ["red_flags"] = new JsonArray(flag) })).Triage;
            Assert.True(after >= before, $"adding {flag} lowered {before} to {after}");
        }, iter: Iterations, print: p => p.Item1.ToJsonString() + " + " + p.Item2);
    }

    /// <summary>Slowest first: self-care (no time frame) below a week or two, below 48 hours, below today.</summary>
    private static int Speed(TimeFrame? frame) => frame is { } f ? (int)f + 1 : 0;

    [Fact]
    public void Adding_any_red_flag_never_makes_the_time_frame_slower()
    {
        Gen.Select(AnswerGen.Any, Gen.OneOf(RedFlags)).Sample((answers, flag) =>
        {
            var before = Evaluate(answers).HowSoon;
            var after = Evaluate(AnswerGen.With(answers, new JsonObject { ["red_flags"] = new JsonArray(flag) })).HowSoon;
            Assert.True(Speed(after) >= Speed(before), $"adding {flag} made {before} slower: {after}");
        }, iter: Iterations, print: p => p.Item1.ToJsonString() + " + " + p.Item2);
    }

    [Fact]
    public void Adding_any_warning_answer_never_lowers_triage_or_makes_the_time_frame_slower()
    {
        // Red flags, health background, hip or thigh pain, swelling, and the most worrying value of
        // pregnancy, pain trend and morning stiffness: none of them may ever make a route slower.
        Gen.Select(AnswerGen.AnyOrMild, AnswerGen.RiskAnswer).Sample((answers, risk) =>
        {
            var before = Evaluate(answers);
            var after = Evaluate(AnswerGen.WithRisk(answers, risk));
            Assert.True(after.Triage >= before.Triage, $"adding {risk} lowered {before.Triage} to {after.Triage}");
            Assert.True(Speed(after.HowSoon) >= Speed(before.HowSoon), $"adding {risk} made {before.HowSoon} slower: {after.HowSoon}");
        }, iter: Iterations, print: p => p.Item1.ToJsonString() + " + " + p.Item2);
    }

    private static readonly string[] AwayFromTheKneecap = ["below_kneecap", "above_kneecap", "outer_side", "inner_side", "back_of_knee", "whole_knee"];

    [Fact]
    public void No_runner_under_16_with_pain_away_from_the_kneecap_is_self_care()
    {
        var child = Gen.Select(AnswerGen.Any, Gen.Int[8, 15], Gen.Bool, Gen.OneOf(AwayFromTheKneecap), Gen.Bool, (answers, age, byBand, spot, mild) =>
        {
            // Half the cases are otherwise mild and flag-free, where self-care would be the answer for an adult.
            if (mild)
            {
                answers["red_flags"] = new JsonArray();
                answers["onset"] = "gradual";
                answers["worst_pain"] = 3;
                answers.Remove("duration_weeks");
                answers.Remove("timing");
            }
            // An exact age or the under-16 range, never both: either alone says "a child".
            answers.Remove("age");
            answers.Remove("age_band");
            if (byBand)
            {
                answers["age_band"] = "under_16";
            }
            else
            {
                answers["age"] = age;
            }
            return AnswerGen.With(answers, new JsonObject { ["location"] = new JsonArray(spot) });
        });
        child.Sample(answers =>
        {
            var result = Evaluate(answers);
            Assert.NotEqual(Triage.SelfCare, result.Triage);
            Assert.False(result.OffersSelfCare);
            Assert.NotNull(result.HowSoon);
        }, iter: Iterations, print: a => a.ToJsonString());
    }

    [Fact]
    public void An_urgent_result_offers_no_routine_and_no_exercise_advice()
    {
        AnswerGen.Any.Sample(answers =>
        {
            var result = Evaluate(answers);
            if (result.Triage == Triage.Urgent)
            {
                Assert.Empty(Match(result));
                Assert.False(result.OffersExercise);
                Assert.False(result.OffersSelfCare);
                Assert.Null(result.TopCause);
            }
        }, iter: Iterations, print: a => a.ToJsonString());
    }

    [Fact]
    public void A_see_a_clinician_result_offers_no_strength_or_eccentric_loading()
    {
        AnswerGen.Any.Sample(answers =>
        {
            var result = Evaluate(answers);
            if (result.Triage == Triage.SeeClinician)
            {
                Assert.All(Match(result), m => Assert.False(m.Routine.Loads, $"{m.Routine.Slug} loads the knee"));
                Assert.False(result.OffersSelfCare);
            }
        }, iter: Iterations, print: a => a.ToJsonString());
    }

    [Fact]
    public void Extra_load_evidence_never_changes_which_cause_wins_when_the_location_supports_only_one()
    {
        Gen.Select(AnswerGen.OuterSideOnly, AnswerGen.Load).Sample((answers, load) =>
        {
            var before = Evaluate(answers);
            var after = Evaluate(AnswerGen.With(answers, load));
            var located = Assert.Single(before.Causes, c => c.Located);
            Assert.Equal(located.Cause, before.Causes[0].Cause);
            Assert.Equal(before.Causes[0].Cause, after.Causes[0].Cause);
            Assert.True(after.TopCause is null || after.TopCause == located.Cause);
        }, iter: Iterations, print: p => p.Item1.ToJsonString() + " + " + p.Item2.ToJsonString());
    }

    [Fact]
    public void Load_evidence_never_makes_a_cause_win_that_the_location_does_not_support()
    {
        Gen.Select(AnswerGen.Any, AnswerGen.Load).Sample((answers, load) =>
        {
            var result = Evaluate(AnswerGen.With(answers, load));
            if (result.TopCause is { } top)
            {
                Assert.True(result.Causes.Single(c => c.Cause == top).Located);
            }
        }, iter: Iterations, print: p => p.Item1.ToJsonString() + " + " + p.Item2.ToJsonString());
    }

    [Fact]
    public void Every_result_is_deterministic()
    {
        AnswerGen.Any.Sample(answers =>
        {
            var first = JsonSerializer.Serialize(Evaluate(answers), ContentJson.Options);
            var second = JsonSerializer.Serialize(Evaluate((JsonObject)answers.DeepClone()), ContentJson.Options);
            Assert.Equal(first, second);
        }, iter: Iterations, print: a => a.ToJsonString());
    }

    [Fact]
    public void Every_evidence_line_cites_answers_that_were_given()
    {
        AnswerGen.Any.Sample(answers =>
        {
            var given = answers.Select(p => p.Key).ToHashSet();
            foreach (var evidence in Evaluate(answers).Causes.SelectMany(c => c.Evidence))
            {
                Assert.NotEmpty(evidence.Answers);
                Assert.All(evidence.Answers, id => Assert.Contains(id, given));
                Assert.DoesNotContain("{", evidence.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("?", evidence.Text, StringComparison.Ordinal);
            }
        }, iter: Iterations, print: a => a.ToJsonString());
    }

    [Fact]
    public void With_imported_runs_every_evidence_line_still_cites_given_answers_and_the_location_still_decides()
    {
        Gen.Select(AnswerGen.Any, Imports).Sample((answers, imported) =>
        {
            var given = answers.Select(p => p.Key).ToHashSet();
            var result = TestContent.Rules.Evaluate(AnswerGen.ToAnswers(answers), imported);
            foreach (var evidence in result.Causes.SelectMany(c => c.Evidence))
            {
                Assert.NotEmpty(evidence.Answers);
                Assert.All(evidence.Answers, id => Assert.Contains(id, given));
                Assert.DoesNotContain("{", evidence.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("?", evidence.Text, StringComparison.Ordinal);
            }
            if (result.TopCause is { } top)
            {
                Assert.True(result.Causes.Single(c => c.Cause == top).Located);
            }
        }, iter: Iterations, print: p => p.Item1.ToJsonString() + " + " + JsonSerializer.Serialize(p.Item2.Spikes));
    }
}
