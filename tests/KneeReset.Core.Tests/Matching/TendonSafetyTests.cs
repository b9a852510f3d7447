using CsCheck;
using KneeReset.Core.Matching;
using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Matching;

/// <summary>Springy work never reaches a runner whose tendon is in play (docs/clinical-safety.md, Routines).</summary>
public class TendonSafetyTests
{
    private static readonly string[] CauseIds = TestContent.Rules.RuleSet.Causes.Select(c => c.Id).ToArray();

    /// <summary>Any result the matcher may meet: each cause in any band, any top cause among those in play, any triage and findings.</summary>
    public static Gen<AssessmentResult> Results { get; } = Gen.Select(
        Gen.OneOf(Gen.Const(Band.Unlikely), Gen.Const(Band.Possible), Gen.Const(Band.Likely)).Array[CauseIds.Length],
        Gen.Int[0, CauseIds.Length],
        Gen.OneOf(Gen.Const(Triage.SelfCare), Gen.Const(Triage.SelfCare), Gen.Const(Triage.SeeClinician), Gen.Const(Triage.Urgent)),
        Gen.Bool.Array[TestContent.Rules.RuleSet.Findings.Count],
        (bands, top, triage, findings) =>
        {
            var causes = CauseIds.Select((id, i) => new CauseScore(id, (int)bands[i] * 3.5, bands[i], [])).OrderByDescending(c => c.Band).ToList();
            var inPlay = causes.Where(c => c.Band != Band.Unlikely).ToList();
            return new AssessmentResult
            {
                RulesVersion = "test",
                Triage = triage,
                TriageReasons = [],
                TopCause = inPlay.Count == 0 || triage == Triage.Urgent ? null : inPlay[top % inPlay.Count].Cause,
                Causes = causes,
                Findings = TestContent.Rules.RuleSet.Findings.Where((_, i) => findings[i]).Select(f => new Finding(f.Id, f.Text)).ToList(),
                TrainingLoad = new TrainingLoad(null, null, null, null, null, null, null),
            };
        });

    private static bool HoldsSpringyWork(RoutineCard? routine) =>
        routine is not null && TestLibrary.ExercisesOf(routine.Slug).Any(TestLibrary.IsSpringy);

    [Fact]
    public void Matched_routines_and_their_next_stages_hold_no_springy_exercise_while_the_tendon_is_in_play()
    {
        // Real answers through the real rules, and made-up results for every mix of bands.
        var evaluated = AnswerGen.Any.Select(json => TestContent.Rules.Evaluate(AnswerGen.ToAnswers(json)));
        Gen.OneOf(evaluated, Results).Where(TendonSafety.TendonInvolved).Sample(result =>
        {
            var picks = RoutineMatcher.Match(result, TestLibrary.Cards, TestContent.Rules.RuleSet, id => id);

            Assert.DoesNotContain(picks, p => HoldsSpringyWork(p.Routine) || HoldsSpringyWork(p.NextStage));
        }, iter: 2000);
    }

    [Theory]
    [InlineData(Band.Likely, null, true)]
    [InlineData(Band.Possible, "runners_knee", true)]
    [InlineData(Band.Unlikely, "runners_knee", false)]
    [InlineData(Band.Unlikely, null, false)]
    [InlineData(Band.Unlikely, TendonSafety.TendonCause, true)]
    public void The_tendon_is_in_play_when_possible_likely_or_the_top_cause(Band tendon, string? top, bool involved)
    {
        var result = new AssessmentResult
        {
            RulesVersion = "test",
            Triage = Triage.SelfCare,
            TriageReasons = [],
            TopCause = top,
            Causes = [new("runners_knee", 6, Band.Likely, []), new(TendonSafety.TendonCause, 1, tendon, [])],
            Findings = [],
            TrainingLoad = new TrainingLoad(null, null, null, null, null, null, null),
        };

        Assert.Equal(involved, TendonSafety.TendonInvolved(result));
        Assert.True(TendonSafety.Allows(result, springy: false));
        Assert.Equal(!involved, TendonSafety.Allows(result, springy: true));
    }
}
