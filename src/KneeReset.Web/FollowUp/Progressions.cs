using KneeReset.Core.Matching;
using KneeReset.Core.Recovery;
using KneeReset.Core.Rules;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>Where the runner's plan goes next for one routine, from the pain they logged.</summary>
public sealed record Progression(string Routine, string Title, PainAction Advice, string Reason, string Suggestion, DateTimeOffset LoggedAt);

/// <summary>
/// Pain-guided progression: the pain model in time (content/pain-model.json) read over the
/// runner's dated sessions, with the variation to swap to; never a springy one while the result's
/// tendon is in play (<see cref="TendonSafety"/>).
/// </summary>
public sealed class Progressions(KneeResetDbContext db, ContentCatalog content, TimeProvider clock)
{
    public const string TendonCause = "tendon_overload";

    /// <summary>Where the runner's recovery stands over all their sessions.</summary>
    /// <param name="sessions">The series' sessions, with their routines.</param>
    /// <param name="freshStart">The latest check or clinician's plan: sessions before it no longer escalate.</param>
    public RecoveryState Recovery(IReadOnlyList<RoutineSession> sessions, DateTimeOffset? freshStart) =>
        Assess([.. sessions.Select(Logged)], freshStart);

    private RecoveryState Assess(IReadOnlyList<LoggedSession> sessions, DateTimeOffset? freshStart) =>
        content.Pain.Assess(sessions, Today(clock), freshStart is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null);

    /// <summary>Where recovery stands for the series an assessment belongs to: its sessions, from the latest check or plan on.</summary>
    public async Task<RecoveryState> ForSeriesAsync(StoredAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Recovery(await SessionsOfSeriesAsync(assessment, cancellationToken), await FreshStartAsync(assessment, cancellationToken));
    }

    /// <summary>The series' sessions with their routines, oldest first.</summary>
    private Task<List<RoutineSession>> SessionsOfSeriesAsync(StoredAssessment assessment, CancellationToken cancellationToken)
    {
        var series = db.Assessments.Where(a => a.SeriesKey == assessment.SeriesKey);
        return db.RoutineSessions.AsNoTracking().Include(s => s.Routine)
            .Where(s => series.Any(a => a.Id == s.AssessmentId)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Where recovery stood before a change to the series just stored, and where it stands now, from
    /// one read after it (so telling whether the change raised an escalation costs no second read).
    /// </summary>
    /// <param name="asBefore">A session as it was before the change: itself, its earlier state, or null when it is new.</param>
    public async Task<(RecoveryState Before, RecoveryState After)> AroundChangeAsync(
        StoredAssessment assessment, Func<LoggedSession, LoggedSession?> asBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(asBefore);
        var sessions = await SessionsOfSeriesAsync(assessment, cancellationToken);
        var freshStart = await FreshStartAsync(assessment, cancellationToken);
        var now = sessions.Select(Logged).ToList();
        return (Assess([.. now.Select(asBefore).OfType<LoggedSession>()], freshStart), Assess(now, freshStart));
    }

    /// <summary>
    /// The fresh start that ends an escalation: the newest check or clinician's plan anywhere in the
    /// assessment's series, so every page and the API read the same series the same way, whichever
    /// check of it they show.
    /// </summary>
    public async Task<DateTimeOffset> FreshStartAsync(StoredAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var series = db.Assessments.Where(a => a.SeriesKey == assessment.SeriesKey);
        // SQLite can't take the max of DateTimeOffset columns; a series holds a handful of checks and plans.
        var checks = await series.Select(a => a.CreatedAt).ToListAsync(cancellationToken);
        var plans = await db.ClinicianPlans.Where(p => series.Any(a => a.Id == p.AssessmentId)).Select(p => p.UpdatedAt).ToListAsync(cancellationToken);
        return checks.Concat(plans).DefaultIfEmpty(assessment.CreatedAt).Max();
    }

    /// <summary>The day in UTC: sessions are dated by the day the runner gives, checked against <see cref="LatestToday"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The latest date that is "today" anywhere (UTC+14): a runner far east may log a session for a day UTC hasn't reached.</summary>
    public static DateOnly LatestToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().AddHours(14).UtcDateTime);

    public static LoggedSession Logged(RoutineSession s) =>
        new(s.Token, s.Routine.Slug, ForTendons(s.Routine), s.Day, s.PainDuring, s.PainNextMorning, s.PainUsual);

    /// <summary>A routine written for tendons alone: the pain model lets its pain run up to 5/10 when it settles by the morning.</summary>
    public static bool ForTendons(Routine routine) => routine.Causes is [TendonCause];

    /// <summary>
    /// For each routine in the plan (or, without a plan, each routine the runner logged), what the
    /// pain model advises: progress, hold, step back, or stop and see a clinician.
    /// </summary>
    /// <param name="result">The result the runner is reading: it decides whether springy swaps are held back.</param>
    /// <param name="sessions">The runner's sessions, oldest first, with their routines.</param>
    public async Task<IReadOnlyList<Progression>> ForAsync(AssessmentResult result, PlanView? plan, IReadOnlyList<RoutineSession> sessions, RecoveryState recovery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recovery);
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
            var advice = recovery.Routines.First(r => r.Routine == latest.Routine.Slug).Advice;
            return new Progression(latest.Routine.Slug, latest.Routine.Title, advice.Action, advice.Reason,
                Suggestion(advice.Action, Swaps(result, advice.Action, steps[latest.RoutineId], exercises)), latest.CompletedAt);
        }).ToList();
    }

    /// <summary>What to change next time, in one line.</summary>
    public static string Suggestion(PainAction action, IReadOnlyList<string> swaps) => action switch
    {
        PainAction.Progress => swaps.Count > 0 ? $"Step up: {string.Join("; ", swaps)}, or add 2 reps a set." : "Step up: add 2 reps a set, or a third set.",
        PainAction.StepBack => swaps.Count > 0 ? $"Step back: {string.Join("; ", swaps)}, or drop a set." : "Step back: fewer reps or one set fewer until it settles.",
        PainAction.SeeClinician => "Stop the routines for now and see a clinician.",
        _ => "Hold: keep the same exercises and dose.",
    };

    /// <summary>
    /// The swaps for a routine's exercises, "Step-down → Single-leg box squat": to the easier
    /// variation when stepping back, the harder one when progressing, none otherwise; none to a
    /// springy exercise while the tendon is in play.
    /// </summary>
    /// <param name="exercises">Every exercise a variation may name, by slug.</param>
    public static IReadOnlyList<string> Swaps(AssessmentResult result, PainAction advice, IEnumerable<VariationOf> steps, IReadOnlyDictionary<string, VariationOf> exercises) =>
        advice is not (PainAction.Progress or PainAction.StepBack) ? [] :
        steps
            .Select(step => (step.Name, Other: advice == PainAction.StepBack ? step.EasierSlug : step.HarderSlug))
            .Select(v => (v.Name, Other: v.Other is null ? null : exercises.GetValueOrDefault(v.Other)))
            .Where(v => v.Other is not null && TendonSafety.Allows(result, v.Other.Springy))
            .Select(v => $"{v.Name} → {v.Other!.Name}")
            .ToList();
}

/// <summary>An exercise as progression reads it: its name, whether it is springy, and its variations.</summary>
public sealed record VariationOf(string Slug, string Name, bool Springy, string? EasierSlug, string? HarderSlug);
