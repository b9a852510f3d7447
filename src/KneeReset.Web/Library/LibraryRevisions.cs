using KneeReset.Web.Areas.Staff;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Library;

/// <summary>
/// The history of routines and exercises: every save adds a revision (the item in the file
/// format) and an audit entry to the caller's unit of work, so both are stored with the change
/// or not at all. History is never rewritten: a restore is a new save.
/// </summary>
public sealed class LibraryRevisions(KneeResetDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string RoutineType = "routine";
    public const string ExerciseType = "exercise";

    /// <summary>Records what staff now work on: a draft over the published routine when one waits, else the routine.</summary>
    public async Task AddAsync(Routine routine, string actor, string action, CancellationToken cancellationToken) =>
        Add(await PrepareAsync([], "", [routine], action, cancellationToken), actor);

    public async Task AddAsync(Exercise exercise, string actor, string action, CancellationToken cancellationToken) =>
        Add(await PrepareAsync([exercise], action, [], "", cancellationToken), actor);

    /// <summary>A revision and its audit entry made ready before its item is stored; the item's id comes with the store.</summary>
    public sealed record Prepared(Func<int> Id, string Type, int Version, string Snapshot, string Changes, string Action, string Target);

    /// <summary>
    /// Makes ready the revisions of many saved items at once (an import), before anything is
    /// written: the snapshots, and what changed since each item's last revision (read in two
    /// queries whatever their number). New items, not stored yet (no id), have no revision before them.
    /// </summary>
    public async Task<IReadOnlyList<Prepared>> PrepareAsync(IReadOnlyList<Exercise> exercises, string exerciseAction, IReadOnlyList<Routine> routines, string routineAction, CancellationToken cancellationToken)
    {
        var exercisesBefore = await PreviousAsync(ExerciseType, [.. exercises.Select(e => e.Id).Where(id => id != 0)], cancellationToken);
        var routinesBefore = await PreviousAsync(RoutineType, [.. routines.Select(r => r.Id).Where(id => id != 0)], cancellationToken);
        return
        [
            .. exercises.Select(e => Prepare(() => e.Id, ExerciseType, e.Version, LibraryFiles.Write(LibraryFiles.Editing(e)), exercisesBefore, exerciseAction, $"exercise {e.Slug}")),
            .. routines.Select(r => Prepare(() => r.Id, RoutineType, r.Version, LibraryFiles.Write(LibraryFiles.Editing(r)), routinesBefore, routineAction, $"routine {r.Slug}")),
        ];
    }

    /// <summary>Adds prepared revisions and their audit entries to the unit of work, once their items are stored (and have ids).</summary>
    public void Add(IReadOnlyList<Prepared> prepared, string actor)
    {
        foreach (var revision in prepared)
        {
            db.Revisions.Add(new Revision
            {
                EntityType = revision.Type,
                EntityId = revision.Id(),
                Version = revision.Version,
                Snapshot = revision.Snapshot,
                Summary = revision.Changes.Length > 200 ? revision.Changes[..200] : revision.Changes,
                CreatedAt = clock.GetUtcNow(),
                By = actor,
            });
            audit.Record(actor, revision.Action, revision.Target, $"version {revision.Version}: {revision.Changes}");
        }
    }

    /// <summary>Every saved version of a routine or exercise, newest first.</summary>
    public async Task<IReadOnlyList<Revision>> ListAsync(string type, int id, CancellationToken cancellationToken) =>
        await db.Revisions.AsNoTracking().Where(r => r.EntityType == type && r.EntityId == id).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);

    public Task<Revision?> FindAsync(int revisionId, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);

    /// <summary>The snapshot of the latest revision of each of these items, by id (items without one are left out).</summary>
    private async Task<Dictionary<int, string>> PreviousAsync(string type, List<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == type && ids.Contains(r.EntityId))
            .GroupBy(r => r.EntityId)
            .Select(g => g.OrderByDescending(r => r.Version).Select(r => new { r.EntityId, r.Snapshot }).First())
            .ToDictionaryAsync(r => r.EntityId, r => r.Snapshot, cancellationToken);

    /// <summary>The revision, summarised as the fields that changed since the last one.</summary>
    private static Prepared Prepare(Func<int> id, string type, int version, string snapshot, Dictionary<int, string> previous, string action, string target)
    {
        var changes = previous.TryGetValue(id(), out var before)
            ? string.Join(", ", FieldDiff.Compare(before, snapshot).Select(c => c.Field).Take(8))
            : "created";
        return new Prepared(id, type, version, snapshot, changes, action, target);
    }
}
