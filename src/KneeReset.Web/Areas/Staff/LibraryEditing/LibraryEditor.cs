using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// Saving routines and exercises safely. A save is checked (<see cref="LibraryChecks"/>), refused
/// when made from an older version (optimistic concurrency: the current state is shown, never
/// silently overwritten), applied as its next version (<see cref="LibraryChanges"/>),
/// recorded (<see cref="LibraryRevisions"/>) in the same transaction; the commit forgets the cached library (Caching/).
/// </summary>
public sealed class LibraryEditor(
    KneeResetDbContext db, LibraryChecks checks, LibraryChanges changes, LibraryRevisions revisions, VariationRenames renames, AuditLog audit, TimeProvider clock)
{
    public Task<Routine?> LoadRoutineAsync(int id, CancellationToken cancellationToken) =>
        db.Routines.Include(r => r.Steps.OrderBy(s => s.Position)).ThenInclude(s => s.Exercise).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <param name="id">The routine to update, or null to create one.</param>
    /// <param name="expectedVersion">The version the editor started from.</param>
    public async Task<SaveResult> SaveRoutineAsync(int? id, RoutineFile file, int expectedVersion, string actor, string action, CancellationToken cancellationToken)
    {
        if (await checks.RoutineAsync(id, file, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        var routine = id is { } existing ? await LoadRoutineAsync(existing, cancellationToken) : null;
        if (id is not null && routine is null)
        {
            return SaveResult.Invalid(nameof(RoutineFile.Slug), "This routine no longer exists.");
        }
        if (routine is not null && routine.Version != expectedVersion)
        {
            return SaveResult.Conflicting(routine.Id, routine.Version, LibraryFiles.Editing(routine));
        }
        var exercises = await db.Exercises.Where(e => file.Steps.Select(s => s.Exercise).Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, cancellationToken);
        routine = changes.Apply(routine, file, exercises);

        var conflict = await StoreAsync(
            () => revisions.AddAsync(routine, actor, action, cancellationToken),
            async () => await LoadRoutineAsync(routine.Id, cancellationToken) is { } current
                ? SaveResult.Conflicting(current.Id, current.Version, LibraryFiles.Editing(current))
                : SaveResult.Invalid(nameof(RoutineFile.Slug), "This routine no longer exists."),
            cancellationToken);
        if (conflict is not null)
        {
            return conflict;
        }
        return SaveResult.Stored(routine.Id, routine.Version);
    }

    /// <param name="image">A newly stored picture, or null to keep the current one.</param>
    public async Task<SaveResult> SaveExerciseAsync(int? id, ExerciseFile file, int expectedVersion, string actor, string action, CancellationToken cancellationToken, string? image = null)
    {
        if (await checks.ExerciseAsync(id, file, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        var exercise = id is { } existing ? await db.Exercises.FirstOrDefaultAsync(e => e.Id == existing, cancellationToken) : null;
        if (id is not null && exercise is null)
        {
            return SaveResult.Invalid(nameof(ExerciseFile.Slug), "This exercise no longer exists.");
        }
        if (exercise is not null && exercise.Version != expectedVersion)
        {
            return SaveResult.Conflicting(exercise.Id, exercise.Version, LibraryFiles.Editing(exercise));
        }
        // Renames are followed before the new slug is applied: they look for the old one.
        var renamed = exercise is not null && !LibraryChanges.WaitsAsDraft(exercise.Status, file.Status)
            ? await renames.FollowAsync(exercise, file.Slug, cancellationToken)
            : [];
        exercise = changes.Apply(exercise, file, image);

        // The exercise, the ones renamed along with it, their revisions and audit entries: together or not at all.
        var conflict = await StoreAsync(
            async () =>
            {
                await revisions.AddAsync(exercise, actor, action, cancellationToken);
                foreach (var other in renamed)
                {
                    await revisions.AddAsync(other, actor, "exercise.saved", cancellationToken);
                }
            },
            async () => await db.Exercises.FirstOrDefaultAsync(e => e.Id == exercise.Id, cancellationToken) is { } current
                ? SaveResult.Conflicting(current.Id, current.Version, LibraryFiles.Editing(current))
                : SaveResult.Invalid(nameof(ExerciseFile.Slug), "This exercise no longer exists."),
            cancellationToken);
        if (conflict is not null)
        {
            return conflict;
        }
        return SaveResult.Stored(exercise.Id, exercise.Version);
    }

    /// <summary>Deletes an exercise nothing uses; otherwise says what uses it.</summary>
    public async Task<string?> DeleteExerciseAsync(int id, string actor, CancellationToken cancellationToken)
    {
        if (await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } exercise)
        {
            return "This exercise no longer exists.";
        }
        if (await checks.DeletingExerciseAsync(exercise, cancellationToken) is { } problem)
        {
            return problem;
        }
        db.Exercises.Remove(exercise);
        audit.Record(actor, "exercise.deleted", $"exercise {exercise.Slug}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Drops the draft waiting over a published routine; the published version stays as it is.</summary>
    public async Task<SaveResult> DiscardRoutineDraftAsync(int id, int expectedVersion, string actor, CancellationToken cancellationToken)
    {
        if (await LoadRoutineAsync(id, cancellationToken) is not { DraftJson: not null } routine)
        {
            return SaveResult.Invalid("Draft", "There is no draft to discard.");
        }
        if (routine.Version != expectedVersion)
        {
            return SaveResult.Conflicting(routine.Id, routine.Version, LibraryFiles.Editing(routine));
        }
        (routine.DraftJson, routine.Version, routine.UpdatedAt) = (null, routine.Version + 1, clock.GetUtcNow());
        return await StoreAsync(() => revisions.AddAsync(routine, actor, "routine.draft_discarded", cancellationToken),
            () => Task.FromResult(SaveResult.Invalid("Draft", "Someone else changed this routine; open it again.")), cancellationToken)
            ?? SaveResult.Stored(routine.Id, routine.Version);
    }

    /// <summary>
    /// Saves many files at once, as the import does, each as its own save would (a new version, a
    /// revision, an audit entry), in two steps: this one applies them to the tracked items and makes
    /// their revisions ready, reading what it needs in a few queries whatever their number;
    /// <see cref="StoreImportedAsync"/> then writes them all in the caller's transaction. So the store
    /// is locked for the writes alone (a save per item held it for minutes, issue 22). The caller has
    /// checked every file against the whole library (<see cref="LibraryChecks.Import"/>) and hands
    /// over the stored items they replace, tracked, at the versions it checked. Exercises go first,
    /// so routines may use the new ones.
    /// </summary>
    /// <param name="exercises">Each file with the exercise of its slug, or null for a new one.</param>
    /// <param name="routines">Each file with the routine of its slug, or null for a new one.</param>
    public async Task<IReadOnlyList<LibraryRevisions.Prepared>> StageImportedAsync(
        IReadOnlyList<(Exercise? Stored, ExerciseFile File)> exercises, IReadOnlyList<(Routine? Stored, RoutineFile File)> routines, CancellationToken cancellationToken)
    {
        var savedExercises = exercises.Select(e => changes.Apply(e.Stored, e.File, image: null)).ToList();
        var named = savedExercises.ToDictionary(e => e.Slug, StringComparer.Ordinal);
        var missing = routines.SelectMany(r => r.File.Steps).Select(s => s.Exercise).Where(slug => !named.ContainsKey(slug)).Distinct().ToList();
        if (missing.Count > 0)
        {
            // Tracked, so the ones the caller holds come back as the same objects.
            foreach (var exercise in await db.Exercises.Where(e => missing.Contains(e.Slug)).ToListAsync(cancellationToken))
            {
                named[exercise.Slug] = exercise;
            }
        }
        var savedRoutines = routines.Select(r => changes.Apply(r.Stored, r.File, named)).ToList();
        return await revisions.PrepareAsync(savedExercises, "exercise.imported", savedRoutines, "routine.imported", cancellationToken);
    }

    /// <summary>
    /// Writes what <see cref="StageImportedAsync"/> applied, then the revisions and audit entries, in
    /// the caller's transaction: two saves whatever their number. Its commit forgets the cached
    /// library, once (Caching/CacheEviction).
    /// </summary>
    /// <returns>Null when stored; otherwise why not (someone else saved one of the items first).</returns>
    public Task<SaveResult?> StoreImportedAsync(IReadOnlyList<LibraryRevisions.Prepared> staged, string actor, CancellationToken cancellationToken) =>
        StoreAsync(
            () =>
            {
                revisions.Add(staged, actor);
                return Task.CompletedTask;
            },
            () => Task.FromResult(SaveResult.Invalid(nameof(ExerciseFile.Slug), "someone else changed the library at the same moment")),
            cancellationToken);

    /// <summary>Restores a revision by saving its content as a new version (history is never rewritten).</summary>
    public async Task<SaveResult> RestoreAsync(int revisionId, string actor, CancellationToken cancellationToken)
    {
        if (await revisions.FindAsync(revisionId, cancellationToken) is not { } revision)
        {
            return SaveResult.Invalid("Revision", "That revision doesn't exist.");
        }
        var action = $"{revision.EntityType}.restored";
        if (revision.EntityType == LibraryRevisions.RoutineType)
        {
            var current = await db.Routines.AsNoTracking().FirstAsync(r => r.Id == revision.EntityId, cancellationToken);
            return await SaveRoutineAsync(current.Id, LibraryFiles.Read<RoutineFile>(revision.Snapshot), current.Version, actor, action, cancellationToken);
        }
        var exercise = await db.Exercises.AsNoTracking().FirstAsync(e => e.Id == revision.EntityId, cancellationToken);
        return await SaveExerciseAsync(exercise.Id, LibraryFiles.Read<ExerciseFile>(revision.Snapshot), exercise.Version, actor, action, cancellationToken);
    }

    /// <summary>
    /// Stores the tracked change, then its revisions and audit entries (they need the ids the store
    /// gives), in one transaction: our own, or the import's when one runs. A save that lost a race
    /// with someone else's (between our read and our write) stores nothing and returns the conflict.
    /// </summary>
    /// <returns>Null when stored; otherwise the conflict.</returns>
    private async Task<SaveResult?> StoreAsync(Func<Task> record, Func<Task<SaveResult>> conflict, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await conflict();
        }
        await record();
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return null;
    }
}
