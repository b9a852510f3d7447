using KneeReset.Core.Matching;
using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Library;

/// <summary>A published routine as runners see it: steps with exercises, computed duration and targets.</summary>
public sealed record RoutineView(Routine Routine, int DurationSeconds, IReadOnlyList<string> Targets, IReadOnlyList<string> Equipment, IReadOnlyList<string> Focus)
{
    public RoutineCard Card => new(Routine.Slug, Routine.Title, Routine.Phase, Routine.Causes, Routine.Findings, Targets, Routine.Gentle, Routine.Difficulty, Focus,
        Springy: Routine.Steps.Any(s => s.Exercise.Springy));

    public int Minutes => Math.Max(1, (int)Math.Round(DurationSeconds / 60.0));

    /// <summary>Things found in any home or by any road: they don't count as equipment when filtering.</summary>
    public static readonly IReadOnlySet<string> EverydayItems = new HashSet<string>(StringComparer.Ordinal) { "wall", "mat", "chair", "step", "towel", "floor", "bed", "stairs" };

    /// <summary>Gear beyond everyday items (a band, weights, a ball).</summary>
    public IReadOnlyList<string> Gear => Equipment.Where(e => !EverydayItems.Contains(e)).ToList();
}

/// <summary>Read queries over the published library (no tracking: runners only read).</summary>
public sealed class RoutineLibrary(KneeResetDbContext db, PublishedSnapshot<RoutineView> snapshot)
{
    /// <summary>
    /// Every published routine with its steps and exercises, for matching a new result and the
    /// lists. Loading them is the dearest query a runner causes, so the last load is kept and
    /// reused: on SQLite until a save forgets it (<see cref="PublishedSnapshot"/>), on PostgreSQL
    /// while the library's stamp is unchanged (read from the store, it moves with any change on
    /// any instance).
    /// </summary>
    public async Task<IReadOnlyList<RoutineView>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        if (snapshot.ForgottenOnEverySave && snapshot.Current is { } trusted)
        {
            return trusted.Views;
        }
        var generation = snapshot.Generation;
        var stamp = snapshot.ForgottenOnEverySave ? null : await StampAsync(cancellationToken);
        if (snapshot.Current is { } kept && kept.Stamp == stamp)
        {
            return kept.Views;
        }
        var routines = (await Query().OrderBy(r => r.Id).ToListAsync(cancellationToken)).Select(View).ToList();
        // Read before the load: a change committed in between leaves an older stamp, or a newer
        // generation, so this load is not kept or the next call reloads.
        snapshot.Keep(new PublishedSnapshot<RoutineView>.Kept(stamp, routines), generation);
        return routines;
    }

    /// <summary>Every library save writes a revision, and a delete changes a count. One round trip.</summary>
    // Not EF.CompileAsyncQuery: a compiled query keeps the SQL of the first store it ran on, and
    // one process may hold apps on SQLite and on PostgreSQL (the test suite does).
    // The counts go through a lambda: a bare `db.Routines.Count()` names no parameter, so EF would
    // run it as a query of its own, synchronously, while building this one (PublishedSnapshotTests).
    private Task<PublishedSnapshot.Stamp?> StampAsync(CancellationToken cancellationToken) =>
        db.Routines.Select(_ => new PublishedSnapshot.Stamp(db.Revisions.Max(r => (int?)r.Id) ?? 0, db.Routines.Select(r => r.Id).Count(), db.Exercises.Select(e => e.Id).Count()))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<RoutineView?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var routine = await Query().FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        return routine is null ? null : View(routine);
    }

    /// <summary>The easier and harder variations of the routine's exercises, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, Exercise>> VariationsAsync(RoutineView view, CancellationToken cancellationToken = default)
    {
        var slugs = view.Routine.Steps.SelectMany(s => new[] { s.Exercise.EasierSlug, s.Exercise.HarderSlug }).OfType<string>().Distinct().ToList();
        return await db.Exercises.AsNoTracking()
            .Where(e => slugs.Contains(e.Slug) && e.Status == PublishStatus.Published)
            .ToDictionaryAsync(e => e.Slug, cancellationToken);
    }

    private IQueryable<Routine> Query() =>
        db.Routines.AsNoTracking()
            .Where(r => r.Status == PublishStatus.Published)
            .Include(r => r.Steps.OrderBy(s => s.Position)).ThenInclude(s => s.Exercise);

    public static RoutineView View(Routine routine)
    {
        var dosage = routine.Steps.Select(s => new StepDosage(s.Sets, s.Reps, s.HoldSeconds, s.RestSeconds, s.PerSide, s.Tempo, s.Exercise.Kind, s.Exercise.BodyAreas)).ToList();
        var equipment = routine.Steps.SelectMany(s => s.Exercise.Equipment).Distinct().Order(StringComparer.Ordinal).ToList();
        return new RoutineView(routine, RoutineDosage.DurationSeconds(dosage), RoutineDosage.Targets(routine.Phase, dosage), equipment, RoutineDosage.Focus(dosage));
    }
}
