using System.Text.Json.Nodes;
using FluentValidation.Results;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Library;

/// <summary>The outcome of a save: saved (with the new version), invalid, or a conflict with someone else's save.</summary>
public sealed record SaveResult(int? Id, int Version, IReadOnlyList<ValidationFailure> Errors, string? Conflict)
{
    public bool Saved => Errors.Count == 0 && Conflict is null;

    public static SaveResult Invalid(IEnumerable<ValidationFailure> errors) => new(null, 0, errors.ToList(), null);

    public static SaveResult Invalid(string property, string message) => Invalid([new ValidationFailure(property, message)]);
}

/// <summary>One field that differs between two saved states.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// Saving routines and exercises safely: validation, optimistic concurrency (a save made from
/// an older version is refused with the current state, never silently applied), a revision
/// per save, an audit entry, and the public cache evicted at once.
/// </summary>
public sealed class LibraryEditor(KneeResetDbContext db, AuditLog audit, LibraryCache cache, ContentCatalog content, TimeProvider clock)
{
    public const string RoutineType = "routine";
    public const string ExerciseType = "exercise";

    public async Task<IReadOnlyDictionary<string, string>> ExerciseKindsAsync(CancellationToken cancellationToken) =>
        await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Kind, cancellationToken);

    public Task<Routine?> LoadRoutineAsync(int id, CancellationToken cancellationToken) =>
        db.Routines.Include(r => r.Steps.OrderBy(s => s.Position)).ThenInclude(s => s.Exercise).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <param name="id">The routine to update, or null to create one.</param>
    /// <param name="expectedVersion">The version the editor started from.</param>
    public async Task<SaveResult> SaveRoutineAsync(int? id, RoutineFile file, int expectedVersion, string actor, string action, CancellationToken cancellationToken)
    {
        var kinds = await ExerciseKindsAsync(cancellationToken);
        var validation = new RoutineFileValidator(content.Library, kinds).Validate(file);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation.Errors);
        }
        if (await db.Routines.AnyAsync(r => r.Slug == file.Slug && r.Id != id, cancellationToken))
        {
            return SaveResult.Invalid(nameof(RoutineFile.Slug), $"Another routine already uses the slug \"{file.Slug}\".");
        }

        var routine = id is { } existing ? await LoadRoutineAsync(existing, cancellationToken) : null;
        if (id is not null && routine is null)
        {
            return SaveResult.Invalid(nameof(RoutineFile.Slug), "This routine no longer exists.");
        }
        if (routine is not null && routine.Version != expectedVersion)
        {
            return new SaveResult(routine.Id, routine.Version, [], LibraryFiles.Write(LibraryFiles.ToFile(routine)));
        }
        routine ??= db.Routines.Add(new Routine { Slug = file.Slug, Title = file.Title, Summary = file.Summary, WhenToDo = file.WhenToDo, Phase = file.Phase, Difficulty = file.Difficulty, Version = 0 }).Entity;
        var wasPublished = routine.Status == PublishStatus.Published;
        var ids = await db.Exercises.Where(e => file.Steps.Select(s => s.Exercise).Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, cancellationToken);

        routine.Slug = file.Slug;
        routine.Title = file.Title;
        routine.Summary = file.Summary;
        routine.WhenToDo = file.WhenToDo;
        routine.Phase = file.Phase;
        routine.Causes = [.. file.Causes];
        routine.Findings = [.. file.Findings];
        routine.Difficulty = file.Difficulty;
        routine.Gentle = file.Gentle;
        routine.PainRule = string.IsNullOrWhiteSpace(file.PainRule) ? null : file.PainRule;
        routine.Status = LibraryFiles.ParseStatus(file.Status);
        routine.UpdatedAt = clock.GetUtcNow();
        routine.Version += 1;
        db.RoutineSteps.RemoveRange(routine.Steps);
        routine.Steps = file.Steps.Select((s, i) => LibraryFiles.ToStep(s, i + 1, ids[s.Exercise].Id)).ToList();

        // The routine, its revision and its audit entry are stored together or not at all.
        await using var transaction = await BeginUnlessInOneAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write.
            db.ChangeTracker.Clear();
            var current = (await LoadRoutineAsync(routine.Id, cancellationToken))!;
            return new SaveResult(current.Id, current.Version, [], LibraryFiles.Write(LibraryFiles.ToFile(current)));
        }
        await RecordAsync(RoutineType, routine.Id, routine.Version, LibraryFiles.Write(LibraryFiles.ToFile(routine)), actor, action, $"routine {routine.Slug}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        if (wasPublished || routine.Status == PublishStatus.Published)
        {
            await cache.InvalidateAsync(cancellationToken);
        }
        return new SaveResult(routine.Id, routine.Version, [], null);
    }

    /// <summary>
    /// Why this exercise can't be saved as it stands (the form, the slug, its variations, the gentle
    /// routines using it); null when it can. The editor checks a form with this before storing an upload.
    /// </summary>
    public async Task<SaveResult?> CheckExerciseAsync(int? id, ExerciseFile file, CancellationToken cancellationToken, bool checkGentle = true)
    {
        var validation = new ExerciseFileValidator(content.Library).Validate(file);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation.Errors);
        }
        if (await db.Exercises.AnyAsync(e => e.Slug == file.Slug && e.Id != id, cancellationToken))
        {
            return SaveResult.Invalid(nameof(ExerciseFile.Slug), $"Another exercise already uses the slug \"{file.Slug}\".");
        }
        foreach (var (property, slug) in new[] { (nameof(ExerciseFile.Easier), file.Easier), (nameof(ExerciseFile.Harder), file.Harder) })
        {
            if (slug is not null && !await db.Exercises.AnyAsync(e => e.Slug == slug, cancellationToken))
            {
                return SaveResult.Invalid(property, $"There is no exercise \"{slug}\" to use as a variation.");
            }
        }
        var exercise = id is { } existing ? await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == existing, cancellationToken) : null;
        if (id is not null && exercise is null)
        {
            return SaveResult.Invalid(nameof(ExerciseFile.Slug), "This exercise no longer exists.");
        }
        if (checkGentle && exercise is not null && !content.Library.GentleKinds.Contains(file.Kind))
        {
            var gentle = await db.Routines.Where(r => r.Gentle && r.Steps.Any(s => s.ExerciseId == exercise.Id)).Select(r => r.Title).ToListAsync(cancellationToken);
            if (gentle.Count > 0)
            {
                return SaveResult.Invalid(nameof(ExerciseFile.Kind),
                    $"The gentle routine {string.Join(", ", gentle.Select(t => $"\"{t}\""))} uses this exercise, so it must stay a {LibraryWords.OneOf(content.Library.GentleKinds)} exercise. Take it out of that routine first.");
            }
        }
        return null;
    }

    /// <param name="checkGentleRoutines">
    /// Refuse a kind other than mobility or stretch while a gentle routine uses the exercise. Only
    /// an import turns this off: it has checked every routine against the imported kinds already,
    /// and saves exercises before the routines that may take them out.
    /// </param>
    public async Task<SaveResult> SaveExerciseAsync(int? id, ExerciseFile file, int expectedVersion, string actor, string action, CancellationToken cancellationToken, string? image = null, bool checkGentleRoutines = true)
    {
        if (await CheckExerciseAsync(id, file, cancellationToken, checkGentleRoutines) is { } invalid)
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
            return new SaveResult(exercise.Id, exercise.Version, [], LibraryFiles.Write(LibraryFiles.ToFile(exercise)));
        }
        exercise ??= db.Exercises.Add(new Exercise { Slug = file.Slug, Name = file.Name, Purpose = file.Purpose, Kind = file.Kind, Version = 0 }).Entity;
        // Variations are named by slug: a renamed exercise takes the names pointing at it along,
        // each pointing exercise getting a new version of its own.
        var renamedFrom = exercise.Slug != file.Slug && id is not null ? exercise.Slug : null;
        var pointing = renamedFrom is null ? [] : await db.Exercises
            .Where(e => e.Id != exercise.Id && (e.EasierSlug == renamedFrom || e.HarderSlug == renamedFrom)).ToListAsync(cancellationToken);
        foreach (var other in pointing)
        {
            other.EasierSlug = other.EasierSlug == renamedFrom ? file.Slug : other.EasierSlug;
            other.HarderSlug = other.HarderSlug == renamedFrom ? file.Slug : other.HarderSlug;
            other.UpdatedAt = clock.GetUtcNow();
            other.Version += 1;
        }
        exercise.Slug = file.Slug;
        exercise.Name = file.Name;
        exercise.Purpose = file.Purpose;
        exercise.Kind = file.Kind;
        exercise.BodyAreas = [.. file.BodyAreas];
        exercise.Equipment = [.. file.Equipment];
        exercise.Instructions = [.. file.Instructions];
        exercise.Cues = [.. file.Cues];
        exercise.CommonMistakes = [.. file.CommonMistakes];
        exercise.EasierSlug = file.Easier;
        exercise.HarderSlug = file.Harder;
        exercise.Status = LibraryFiles.ParseStatus(file.Status);
        exercise.Image = image ?? exercise.Image;
        exercise.UpdatedAt = clock.GetUtcNow();
        exercise.Version += 1;
        // The exercise, the ones renamed along with it, their revisions and audit entries: together or not at all.
        await using var transaction = await BeginUnlessInOneAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await db.Exercises.FirstAsync(e => e.Id == exercise.Id, cancellationToken))!;
            return new SaveResult(current.Id, current.Version, [], LibraryFiles.Write(LibraryFiles.ToFile(current)));
        }
        await RecordAsync(ExerciseType, exercise.Id, exercise.Version, LibraryFiles.Write(LibraryFiles.ToFile(exercise)), actor, action, $"exercise {exercise.Slug}", cancellationToken);
        foreach (var other in pointing)
        {
            await RecordAsync(ExerciseType, other.Id, other.Version, LibraryFiles.Write(LibraryFiles.ToFile(other)), actor, "exercise.saved", $"exercise {other.Slug}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
        return new SaveResult(exercise.Id, exercise.Version, [], null);
    }

    /// <summary>Deletes an exercise no routine uses; otherwise says which routines use it.</summary>
    public async Task<string?> DeleteExerciseAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var exercise = await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (exercise is null)
        {
            return "This exercise no longer exists.";
        }
        var users = await db.Routines.Where(r => r.Steps.Any(s => s.ExerciseId == id))
            .Select(r => new { r.Title, r.Status }).ToListAsync(cancellationToken);
        // A variation is named by slug: deleting its target would leave a name that points nowhere
        // (and an export that can't be imported again).
        var variationOf = await db.Exercises.Where(e => e.Id != id && (e.EasierSlug == exercise.Slug || e.HarderSlug == exercise.Slug))
            .Select(e => e.Name).ToListAsync(cancellationToken);
        if (users.Count + variationOf.Count > 0)
        {
            var uses = new List<string>();
            if (users.Count > 0)
            {
                uses.Add($"it is used by {string.Join(", ", users.Select(u => $"\"{u.Title}\" ({LibraryFiles.StatusWord(u.Status)})"))}");
            }
            if (variationOf.Count > 0)
            {
                uses.Add($"it is the easier or harder variation of {string.Join(", ", variationOf.Select(n => $"\"{n}\""))}");
            }
            return $"\"{exercise.Name}\" can't be deleted: {string.Join("; ", uses)}. Remove it from those first, or archive it.";
        }
        db.Exercises.Remove(exercise);
        audit.Record(actor, "exercise.deleted", $"exercise {exercise.Slug}");
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<Revision>> HistoryAsync(string type, int id, CancellationToken cancellationToken) =>
        await db.Revisions.AsNoTracking().Where(r => r.EntityType == type && r.EntityId == id).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);

    /// <summary>Restores a revision by saving its content as a new version (history is never rewritten).</summary>
    public async Task<SaveResult> RestoreAsync(int revisionId, string actor, CancellationToken cancellationToken)
    {
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null)
        {
            return SaveResult.Invalid("Revision", "That revision doesn't exist.");
        }
        var action = $"{revision.EntityType}.restored";
        if (revision.EntityType == RoutineType)
        {
            var current = await db.Routines.AsNoTracking().FirstAsync(r => r.Id == revision.EntityId, cancellationToken);
            return await SaveRoutineAsync(current.Id, LibraryFiles.Read<RoutineFile>(revision.Snapshot), current.Version, actor, action, cancellationToken);
        }
        var exercise = await db.Exercises.AsNoTracking().FirstAsync(e => e.Id == revision.EntityId, cancellationToken);
        return await SaveExerciseAsync(exercise.Id, LibraryFiles.Read<ExerciseFile>(revision.Snapshot), exercise.Version, actor, action, cancellationToken);
    }

    /// <summary>Field-by-field differences between two saved states (JSON in the file format).</summary>
    public static IReadOnlyList<FieldChange> Compare(string before, string after)
    {
        var a = Flatten(JsonNode.Parse(before));
        var b = Flatten(JsonNode.Parse(after));
        return a.Keys.Union(b.Keys)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, a.GetValueOrDefault(k), b.GetValueOrDefault(k)))
            .ToList();
    }

    private static Dictionary<string, string> Flatten(JsonNode? node, string path = "")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    foreach (var pair in Flatten(value, path.Length == 0 ? key : $"{path}.{key}"))
                    {
                        result[pair.Key] = pair.Value;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var pair in Flatten(array[i], $"{path}[{i + 1}]"))
                    {
                        result[pair.Key] = pair.Value;
                    }
                }
                break;
            case null:
                break;
            default:
                result[path] = node.ToString();
                break;
        }
        return result;
    }

    /// <summary>Adds a revision and its audit entry to the unit of work; the caller saves them with the change.</summary>
    private async Task RecordAsync(string type, int id, int version, string snapshot, string actor, string action, string target, CancellationToken cancellationToken)
    {
        var previous = await db.Revisions.AsNoTracking().Where(r => r.EntityType == type && r.EntityId == id)
            .OrderByDescending(r => r.Version).Select(r => r.Snapshot).FirstOrDefaultAsync(cancellationToken);
        var changes = previous is null ? "created" : string.Join(", ", Compare(previous, snapshot).Select(c => c.Field).Take(8));
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

    /// <summary>A transaction of our own, or null when the caller (an import) already runs one that ours belongs to.</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginUnlessInOneAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
