using CsCheck;
using KneeReset.Core.Matching;
using KneeReset.Core.Recovery;
using KneeReset.Core.Rules;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Library;

namespace KneeReset.Web.Tests.FollowUp;

/// <summary>
/// Every route by which KneeReset itself puts work in front of a runner, over the real content as
/// the app loads it: matched routines, their next stage, the step-up and step-back swaps of every
/// exercise in those, and the prevention tips. None holds springy work while the tendon is in play.
/// </summary>
public class TendonSafetyRouteTests
{
    private static readonly ContentCatalog Content = new(TestFiles.RepositoryContentFolder());
    private static readonly Dictionary<string, Exercise> Exercises = LibraryFiles.ReadExercises(Content.Path).Select(LibraryFiles.NewExercise).ToDictionary(e => e.Slug);
    private static readonly List<RoutineView> Routines = LibraryFiles.ReadRoutines(Content.Path).Select(f => RoutineLibrary.View(LibraryFiles.NewRoutine(f, Exercises))).ToList();
    private static readonly Dictionary<string, VariationOf> Variations = Exercises.Values.ToDictionary(e => e.Slug, Variation);

    private static VariationOf Variation(Exercise e) => new(e.Slug, e.Name, e.Springy, e.EasierSlug, e.HarderSlug);

    private static readonly string[] CauseIds = Content.Rules.RuleSet.Causes.Select(c => c.Id).ToArray();

    /// <summary>Each cause in any band, any of those in play on top, any triage, any findings.</summary>
    private static readonly Gen<AssessmentResult> Results = Gen.Select(
        Gen.OneOf(Gen.Const(Band.Unlikely), Gen.Const(Band.Possible), Gen.Const(Band.Likely)).Array[CauseIds.Length],
        Gen.Int[0, CauseIds.Length],
        Gen.OneOf(Gen.Const(Triage.SelfCare), Gen.Const(Triage.SelfCare), Gen.Const(Triage.SeeClinician), Gen.Const(Triage.Urgent)),
        Gen.Bool.Array[Content.Rules.RuleSet.Findings.Count],
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
                Findings = Content.Rules.RuleSet.Findings.Where((_, i) => findings[i]).Select(f => new Finding(f.Id, f.Text)).ToList(),
                TrainingLoad = new TrainingLoad(null, null, null, null, null, null, null),
            };
        });

    /// <summary>What one result puts in front of the runner: exercise names (routines, next stages, swaps) and tips.</summary>
    private static (IReadOnlyList<string> Exercises, IReadOnlyList<string> Swaps, IReadOnlyList<string> Tips) Offered(AssessmentResult result)
    {
        var picks = RoutineMatcher.Match(result, Routines.Select(r => r.Card), Content.Rules.RuleSet, Content.CauseName);
        var routines = picks.Select(p => p.Routine.Slug).Concat(picks.Select(p => p.NextStage?.Slug).OfType<string>())
            .Select(slug => Routines.Single(r => r.Routine.Slug == slug).Routine).ToList();
        var steps = routines.SelectMany(r => r.Steps).Select(s => s.Exercise).ToList();
        var swaps = new[] { PainAction.Progress, PainAction.StepBack }
            .SelectMany(advice => routines.SelectMany(r => Progressions.Swaps(result, advice, r.Steps.Select(s => Variation(s.Exercise)), Variations)))
            .ToList();
        return (steps.Select(e => e.Name).ToList(), swaps, Content.Causes.TipsFor(result));
    }

    private static readonly IReadOnlyList<string> SpringyNames = Exercises.Values.Where(e => e.Springy).Select(e => e.Name).ToList();
    private static readonly IReadOnlyList<string> SpringyTips = Content.Causes.PreventionTips.Where(t => t.Springy).Select(t => t.Text).ToList();

    [Fact]
    public void Nothing_offered_to_a_runner_whose_tendon_is_in_play_is_springy()
    {
        Assert.NotEmpty(SpringyNames);
        Assert.NotEmpty(SpringyTips);
        Results.Where(TendonSafety.TendonInvolved).Sample(result =>
        {
            var (exercises, swaps, tips) = Offered(result);

            Assert.DoesNotContain(exercises, SpringyNames.Contains);
            Assert.DoesNotContain(swaps, swap => SpringyNames.Any(name => swap.EndsWith($"→ {name}", StringComparison.Ordinal)));
            Assert.DoesNotContain(tips, SpringyTips.Contains);
        }, iter: 1000);
    }

    [Fact]
    public void Without_the_tendon_the_same_routes_still_carry_springy_work()
    {
        var kneecap = new AssessmentResult
        {
            RulesVersion = "test",
            Triage = Triage.SelfCare,
            TriageReasons = [],
            TopCause = "runners_knee",
            Causes = CauseIds.Select(id => new CauseScore(id, id == "runners_knee" ? 7 : 0, id == "runners_knee" ? Band.Likely : Band.Unlikely, [])).ToList(),
            Findings = [],
            TrainingLoad = new TrainingLoad(null, null, null, null, null, null, null),
        };
        var warmUp = Routines.Single(r => r.Routine.Slug == "dynamic-warm-up").Routine.Steps.Select(s => Variation(s.Exercise));

        Assert.Contains("A-march → A-skip", Progressions.Swaps(kneecap, PainAction.Progress, warmUp, Variations));
        Assert.Equal(SpringyTips, Content.Causes.TipsFor(kneecap).Where(SpringyTips.Contains));
    }
}
