using FluentValidation;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// Whether a routine or an exercise may be saved or deleted: the validators' rules on the file
/// (again on every save: a restore, or a save racing a deleted exercise, has not been through
/// a page's validation), then
/// what only the store knows (slugs taken, variations that exist, routines using an exercise).
/// </summary>
public sealed class LibraryChecks(KneeResetDbContext db, LibraryWords words, ExerciseKinds storedKinds, IValidator<RoutineFile> routineRules, IValidator<ExerciseFile> exerciseRules)
{
    /// <summary>Why this routine can't be saved as it stands; null when it can.</summary>
    public async Task<SaveResult?> RoutineAsync(int? id, RoutineFile file, CancellationToken cancellationToken)
    {
        await storedKinds.LoadAsync(cancellationToken);
        var validation = await routineRules.ValidateAsync(file, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation.Errors);
        }
        if (await db.Routines.AnyAsync(r => r.Slug == file.Slug && r.Id != id, cancellationToken))
        {
            return SaveResult.Invalid(nameof(RoutineFile.Slug), $"Another routine already uses the slug \"{file.Slug}\".");
        }
        return null;
    }

    /// <summary>
    /// Why this exercise can't be saved as it stands (the form, the slug, its variations, the gentle
    /// routines using it); null when it can. The editor checks a form with this before storing an upload.
    /// </summary>
    public async Task<SaveResult?> ExerciseAsync(int? id, ExerciseFile file, CancellationToken cancellationToken)
    {
        var validation = await exerciseRules.ValidateAsync(file, cancellationToken);
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
        if (exercise is not null && !words.GentleKinds.Contains(file.Kind))
        {
            var gentle = await db.Routines.Where(r => r.Gentle && r.Steps.Any(s => s.ExerciseId == exercise.Id)).Select(r => r.Title).ToListAsync(cancellationToken);
            if (gentle.Count > 0)
            {
                return SaveResult.Invalid(nameof(ExerciseFile.Kind),
                    $"The gentle routine {string.Join(", ", gentle.Select(t => $"\"{t}\""))} uses this exercise, so it must stay a {LibraryWords.OneOf(words.GentleKinds)} exercise. Take it out of that routine first.");
            }
        }
        return null;
    }

    /// <summary>
    /// Why these files can't be imported together onto the stored library, every problem named by
    /// its file; none when they can. The same rules as one save at a time, checked in memory against
    /// the library as loaded (no query per file), so the import can check everything before it writes.
    /// </summary>
    /// <param name="storedExercises">Every stored exercise, by slug.</param>
    /// <param name="storedRoutines">Every stored routine with its steps and their exercises, by slug.</param>
    public List<string> Import(IReadOnlyList<ExerciseFile> exercises, IReadOnlyList<RoutineFile> routines,
        IReadOnlyDictionary<string, Exercise> storedExercises, IReadOnlyDictionary<string, Routine> storedRoutines)
    {
        var problems = new List<string>();
        foreach (var duplicate in exercises.GroupBy(e => e.Slug).Where(g => g.Count() > 1))
        {
            problems.Add($"Exercise \"{duplicate.Key}\" appears more than once.");
        }
        foreach (var duplicate in routines.GroupBy(r => r.Slug).Where(g => g.Count() > 1))
        {
            problems.Add($"Routine \"{duplicate.Key}\" appears more than once.");
        }
        // The kinds the library will have: the stored ones, as the imported files change them.
        var kinds = storedExercises.ToDictionary(e => e.Key, e => e.Value.Kind, StringComparer.Ordinal);
        foreach (var file in exercises)
        {
            kinds[file.Slug] = file.Kind;
        }
        var exerciseValidator = new ExerciseFileValidator(words);
        foreach (var file in exercises)
        {
            problems.AddRange(exerciseValidator.Validate(file).Errors.Select(e => $"exercises/{file.Slug}.json: {e.ErrorMessage}"));
            problems.AddRange(new[] { file.Easier, file.Harder }.OfType<string>().Where(variation => !kinds.ContainsKey(variation))
                .Select(variation => $"exercises/{file.Slug}.json: its variation \"{variation}\" doesn't exist."));
        }
        var routineValidator = RoutineFileValidator.For(words, kinds);
        foreach (var file in routines)
        {
            problems.AddRange(routineValidator.Validate(file).Errors.Select(e => $"routines/{file.Slug}.json: {e.ErrorMessage}"));
        }
        // Gentle routines already stored and left out of the zip must stay gentle with the imported kinds.
        var inZip = routines.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var routine in storedRoutines.Values.Where(r => r.Gentle && !inZip.Contains(r.Slug)))
        {
            problems.AddRange(routine.Steps.Select(s => s.Exercise.Slug).Distinct()
                .Where(slug => !words.GentleKinds.Contains(kinds.GetValueOrDefault(slug) ?? ""))
                .Select(slug => $"exercises/{slug}.json: the gentle routine \"{routine.Title}\" uses it, so it must stay a {LibraryWords.OneOf(words.GentleKinds)} exercise."));
        }
        return problems;
    }

    /// <summary>Why this exercise can't be deleted (routines or variations use it); null when it can.</summary>
    public async Task<string?> DeletingExerciseAsync(Exercise exercise, CancellationToken cancellationToken)
    {
        var users = await db.Routines.Where(r => r.Steps.Any(s => s.ExerciseId == exercise.Id))
            .Select(r => new { r.Title, r.Status }).ToListAsync(cancellationToken);
        // A variation is named by slug: deleting its target would leave a name that points nowhere
        // (and an export that can't be imported again).
        var variationOf = await db.Exercises.Where(e => e.Id != exercise.Id && (e.EasierSlug == exercise.Slug || e.HarderSlug == exercise.Slug))
            .Select(e => e.Name).ToListAsync(cancellationToken);
        if (users.Count + variationOf.Count == 0)
        {
            return null;
        }
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
}
