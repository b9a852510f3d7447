using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Library;

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
    public Task AddAsync(Routine routine, string actor, string action, CancellationToken cancellationToken) =>
        AddAsync(RoutineType, routine.Id, routine.Version, LibraryFiles.Write(LibraryFiles.Editing(routine)), actor, action, $"routine {routine.Slug}", cancellationToken);

    public Task AddAsync(Exercise exercise, string actor, string action, CancellationToken cancellationToken) =>
        AddAsync(ExerciseType, exercise.Id, exercise.Version, LibraryFiles.Write(LibraryFiles.Editing(exercise)), actor, action, $"exercise {exercise.Slug}", cancellationToken);

    /// <summary>Every saved version of a routine or exercise, newest first.</summary>
    public async Task<IReadOnlyList<Revision>> ListAsync(string type, int id, CancellationToken cancellationToken) =>
        await db.Revisions.AsNoTracking().Where(r => r.EntityType == type && r.EntityId == id).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);

    public Task<Revision?> FindAsync(int revisionId, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);

    /// <summary>The revision, summarised as the fields that changed since the last one, and its audit entry.</summary>
    private async Task AddAsync(string type, int id, int version, string snapshot, string actor, string action, string target, CancellationToken cancellationToken)
    {
        var previous = await db.Revisions.AsNoTracking().Where(r => r.EntityType == type && r.EntityId == id)
            .OrderByDescending(r => r.Version).Select(r => r.Snapshot).FirstOrDefaultAsync(cancellationToken);
        var changes = previous is null ? "created" : string.Join(", ", FieldDiff.Compare(previous, snapshot).Select(c => c.Field).Take(8));
        db.Revisions.Add(new Revision
        {
            EntityType = type,
            EntityId = id,
            Version = version,
            Snapshot = snapshot,
            Summary = changes.Length > 200 ? changes[..200] : changes,
            CreatedAt = clock.GetUtcNow(),
            By = actor,
        });
        audit.Record(actor, action, target, $"version {version}: {changes}");
    }
}
