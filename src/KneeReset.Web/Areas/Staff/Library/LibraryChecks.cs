using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Library;

/// <summary>
/// Whether a routine or an exercise may be saved or deleted: the validators' rules on the file,
/// then what only the store knows (slugs taken, variations that exist, routines using an exercise).
/// </summary>
public sealed class LibraryChecks(KneeResetDbContext db, ContentCatalog content)
{
    private LibraryWords Words => content.Library;

    /// <summary>The kind of every stored exercise, by slug.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ExerciseKindsAsync(CancellationToken cancellationToken) =>
        await db.Exercises.AsNoTracking().ToDictionaryAsync(e => e.Slug, e => e.Kind, cancellationToken);

    /// <summary>Why this routine can't be saved as it stands; null when it can.</summary>
    public async Task<SaveResult?> RoutineAsync(int? id, RoutineFile file, CancellationToken cancellationToken)
    {
        var validation = new RoutineFileValidator(Words, await ExerciseKindsAsync(cancellationToken)).Validate(file);
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
    public async Task<SaveResult?> ExerciseAsync(int? id, ExerciseFile file, CancellationToken cancellationToken, bool checkGentle = true)
    {
        var validation = new ExerciseFileValidator(Words).Validate(file);
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
        if (checkGentle && exercise is not null && !Words.GentleKinds.Contains(file.Kind))
        {
            var gentle = await db.Routines.Where(r => r.Gentle && r.Steps.Any(s => s.ExerciseId == exercise.Id)).Select(r => r.Title).ToListAsync(cancellationToken);
            if (gentle.Count > 0)
            {
                return SaveResult.Invalid(nameof(ExerciseFile.Kind),
                    $"The gentle routine {string.Join(", ", gentle.Select(t => $"\"{t}\""))} uses this exercise, so it must stay a {LibraryWords.OneOf(Words.GentleKinds)} exercise. Take it out of that routine first.");
            }
        }
        return null;
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
