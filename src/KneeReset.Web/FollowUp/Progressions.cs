using KneeReset.Core.Progression;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>Where the runner's plan goes next for one routine, from the pain they logged.</summary>
public sealed record Progression(string Routine, string Title, PainAdvice Advice, string Reason, string Suggestion, DateTimeOffset LoggedAt);

/// <summary>Pain-guided progression: the pain-monitoring model's advice per routine, with the variation to swap to.</summary>
public sealed class Progressions(KneeResetDbContext db)
{
    /// <summary>
    /// For each routine in the plan (or, without a plan, each routine the runner logged), the
    /// latest logged sessions decide: progress, hold or step back.
    /// </summary>
    /// <param name="sessions">The runner's sessions, oldest first, with their routines.</param>
    public async Task<IReadOnlyList<Progression>> ForAsync(PlanView? plan, IReadOnlyList<RoutineSession> sessions, CancellationToken cancellationToken)
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
            .Select(s => new { s.RoutineId, s.Exercise.Name, s.Exercise.EasierSlug, s.Exercise.HarderSlug }).ToListAsync(cancellationToken))
            .ToLookup(s => s.RoutineId);
        var names = await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Name, cancellationToken);
        return logged.Select(sessionsOfRoutine =>
        {
            var latest = sessionsOfRoutine[^1];
            var (advice, reason) = PainMonitor.Advise(sessionsOfRoutine.Select(s => s.Pain).ToList());
            var swaps = steps[latest.RoutineId]
                .Select(v => (v.Name, Other: advice == PainAdvice.StepBack ? v.EasierSlug : v.HarderSlug))
                .Where(v => v.Other is not null && names.ContainsKey(v.Other))
                .Select(v => $"{v.Name} → {names[v.Other!]}")
                .ToList();
            var suggestion = advice switch
            {
                PainAdvice.Progress => swaps.Count > 0 ? $"Step up: {string.Join("; ", swaps)}, or add 2 reps a set." : "Step up: add 2 reps a set, or a third set.",
                PainAdvice.StepBack => swaps.Count > 0 ? $"Step back: {string.Join("; ", swaps)}, or drop a set." : "Step back: fewer reps or one set fewer until it settles.",
                _ => "Hold: keep the same exercises and dose.",
            };
            return new Progression(latest.Routine.Slug, latest.Routine.Title, advice, reason, suggestion, latest.CompletedAt);
        }).ToList();
    }
}
