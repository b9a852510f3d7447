using KneeReset.Core.Matching;
using KneeReset.Core.Progression;
using KneeReset.Core.Rules;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>Where the runner's plan goes next for one routine, from the pain they logged.</summary>
public sealed record Progression(string Routine, string Title, PainAdvice Advice, string Reason, string Suggestion, DateTimeOffset LoggedAt);

/// <summary>
/// Pain-guided progression: the pain-monitoring model's advice per routine, with the variation to
/// swap to; never a springy one while the result's tendon is in play (<see cref="TendonSafety"/>).
/// </summary>
public sealed class Progressions(KneeResetDbContext db)
{
    /// <summary>
    /// For each routine in the plan (or, without a plan, each routine the runner logged), the
    /// latest logged sessions decide: progress, hold or step back.
    /// </summary>
    /// <param name="result">The result the runner is reading: it decides whether springy swaps are held back.</param>
    /// <param name="sessions">The runner's sessions, oldest first, with their routines.</param>
    public async Task<IReadOnlyList<Progression>> ForAsync(AssessmentResult result, PlanView? plan, IReadOnlyList<RoutineSession> sessions, CancellationToken cancellationToken)
    {
        var routines = plan?.Items.Select(i => i.Routine).ToList() ?? sessions.Select(s => s.Routine.Slug).Distinct().ToList();
        var logged = routines.Select(slug => sessions.Where(s => s.Routine.Slug == slug).ToList()).Where(l => l.Count > 0).ToList();
        if (logged.Count == 0)
        {
            return [];
        }
        // One query for the steps of every routine in play, not one per routine.
        var routineIds = logged.Select(l => l[^1].RoutineId).ToList();
        var steps = (await db.RoutineSteps.AsNoTracking().Where(s => routineIds.Contains(s.RoutineId))
            .Select(s => new { s.RoutineId, Exercise = new VariationOf(s.Exercise.Slug, s.Exercise.Name, s.Exercise.Springy, s.Exercise.EasierSlug, s.Exercise.HarderSlug) })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.RoutineId, s => s.Exercise);
        var exercises = await db.Exercises.AsNoTracking()
            .Select(e => new VariationOf(e.Slug, e.Name, e.Springy, e.EasierSlug, e.HarderSlug))
            .ToDictionaryAsync(e => e.Slug, cancellationToken);
        return logged.Select(sessionsOfRoutine =>
        {
            var latest = sessionsOfRoutine[^1];
            var (advice, reason) = PainMonitor.Advise(sessionsOfRoutine.Select(s => s.Pain).ToList());
            var swaps = Swaps(result, advice, steps[latest.RoutineId], exercises);
            var suggestion = advice switch
            {
                PainAdvice.Progress => swaps.Count > 0 ? $"Step up: {string.Join("; ", swaps)}, or add 2 reps a set." : "Step up: add 2 reps a set, or a third set.",
                PainAdvice.StepBack => swaps.Count > 0 ? $"Step back: {string.Join("; ", swaps)}, or drop a set." : "Step back: fewer reps or one set fewer until it settles.",
                _ => "Hold: keep the same exercises and dose.",
            };
            return new Progression(latest.Routine.Slug, latest.Routine.Title, advice, reason, suggestion, latest.CompletedAt);
        }).ToList();
    }

    /// <summary>
    /// The swaps for a routine's exercises, "Step-down → Single-leg box squat": to the easier
    /// variation when stepping back, the harder one otherwise; none to a springy exercise while the
    /// tendon is in play.
    /// </summary>
    /// <param name="exercises">Every exercise a variation may name, by slug.</param>
    public static IReadOnlyList<string> Swaps(AssessmentResult result, PainAdvice advice, IEnumerable<VariationOf> steps, IReadOnlyDictionary<string, VariationOf> exercises) =>
        steps
            .Select(step => (step.Name, Other: advice == PainAdvice.StepBack ? step.EasierSlug : step.HarderSlug))
            .Select(v => (v.Name, Other: v.Other is null ? null : exercises.GetValueOrDefault(v.Other)))
            .Where(v => v.Other is not null && TendonSafety.Allows(result, v.Other.Springy))
            .Select(v => $"{v.Name} → {v.Other!.Name}")
            .ToList();
}

/// <summary>An exercise as progression reads it: its name, whether it is springy, and its variations.</summary>
public sealed record VariationOf(string Slug, string Name, bool Springy, string? EasierSlug, string? HarderSlug);
