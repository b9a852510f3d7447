using System.Data.Common;
using System.IO.Compression;
using System.Text;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Library;

/// <summary>
/// The whole library as a zip of files in the content/ format (exercises/*.json,
/// routines/*.json), and back. Export, import, export gives the same files; an import with any
/// bad file imports nothing and names every problem.
/// </summary>
public sealed class LibraryTransfer(KneeResetDbContext db, LibraryEditor editor, LibraryChecks checks, LibraryCache cache, ContentCatalog content)
{
    public const long MaxZipBytes = LibraryZip.MaxZipBytes;
    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken)
    {
        var exercises = await db.Exercises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        var routines = await db.Routines.AsNoTracking().Include(r => r.Steps).ThenInclude(s => s.Exercise).OrderBy(r => r.Slug).ToListAsync(cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var exercise in exercises)
            {
                Add(zip, $"exercises/{exercise.Slug}.json", LibraryFiles.Write(LibraryFiles.ToFile(exercise)));
            }
            foreach (var routine in routines)
            {
                Add(zip, $"routines/{routine.Slug}.json", LibraryFiles.Write(LibraryFiles.ToFile(routine)));
            }
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    public sealed record ImportResult(IReadOnlyList<string> Problems, int Created, int Updated, int Unchanged);

    public async Task<ImportResult> ImportAsync(Stream zipStream, string actor, CancellationToken cancellationToken)
    {
        var (exercises, routines, problems) = await LibraryZip.ReadAsync(zipStream, cancellationToken);
        foreach (var duplicate in exercises.GroupBy(e => e.Slug).Where(g => g.Count() > 1))
        {
            problems.Add($"Exercise \"{duplicate.Key}\" appears more than once.");
        }
        var kinds = (await checks.ExerciseKindsAsync(cancellationToken)).ToDictionary();
        foreach (var file in exercises)
        {
            kinds[file.Slug] = file.Kind;
            problems.AddRange(new ExerciseFileValidator(content.Library).Validate(file).Errors.Select(e => $"exercises/{file.Slug}.json: {e.ErrorMessage}"));
            foreach (var variation in new[] { file.Easier, file.Harder }.OfType<string>())
            {
                if (!kinds.ContainsKey(variation) && exercises.All(e => e.Slug != variation))
                {
                    problems.Add($"exercises/{file.Slug}.json: its variation \"{variation}\" doesn't exist.");
                }
            }
        }
        var routineValidator = new RoutineFileValidator(content.Library, kinds);
        foreach (var file in routines)
        {
            problems.AddRange(routineValidator.Validate(file).Errors.Select(e => $"routines/{file.Slug}.json: {e.ErrorMessage}"));
        }
        // Gentle routines already stored and left out of the zip must stay gentle with the imported kinds.
        var inZip = routines.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        var gentle = await db.Routines.AsNoTracking().Where(r => r.Gentle).Include(r => r.Steps).ThenInclude(s => s.Exercise).ToListAsync(cancellationToken);
        foreach (var routine in gentle.Where(r => !inZip.Contains(r.Slug)))
        {
            problems.AddRange(routine.Steps.Select(s => s.Exercise.Slug).Distinct()
                .Where(slug => !content.Library.GentleKinds.Contains(kinds.GetValueOrDefault(slug) ?? ""))
                .Select(slug => $"exercises/{slug}.json: the gentle routine \"{routine.Title}\" uses it, so it must stay a {LibraryWords.OneOf(content.Library.GentleKinds)} exercise."));
        }
        if (problems.Count > 0)
        {
            return new ImportResult(problems, 0, 0, 0);
        }

        // All or nothing: every save joins one transaction, committed only when the last one is in.
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await SaveAllAsync(exercises, routines, actor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or ImportStopped)
        {
            db.ChangeTracker.Clear();
            var why = e is ImportStopped ? e.Message : "the store could not write";
            return new ImportResult([$"The import stopped part-way ({why}), so nothing was imported. Try again; if it keeps failing, tell an admin."], 0, 0, 0);
        }
        finally
        {
            // Pages cached while the import ran show the library as it is now.
            await cache.InvalidateAsync(CancellationToken.None);
        }
    }

    private sealed class ImportStopped(string message) : Exception(message);

    private async Task<ImportResult> SaveAllAsync(List<ExerciseFile> exercises, List<RoutineFile> routines, string actor, CancellationToken cancellationToken)
    {
        var existing = await db.Exercises.Select(e => e.Slug).ToListAsync(cancellationToken);
        var existingRoutines = await db.Routines.Select(r => r.Slug).ToListAsync(cancellationToken);
        int created = 0, updated = 0, unchanged = 0;
        void Count(string slug, bool changed, List<string> before)
        {
            if (!before.Contains(slug))
            {
                created++;
            }
            else if (changed)
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        // New exercises first without variations, so variations may point at each other.
        foreach (var file in exercises.Where(f => !existing.Contains(f.Slug)))
        {
            var bare = file with { Easier = null, Harder = null };
            Check(await editor.SaveExerciseAsync(null, bare, 0, actor, "exercise.imported", cancellationToken, checkGentleRoutines: false), file.Slug);
        }
        foreach (var file in exercises)
        {
            var current = await db.Exercises.AsNoTracking().FirstAsync(e => e.Slug == file.Slug, cancellationToken);
            var changed = LibraryFiles.Write(LibraryFiles.ToFile(current)) != LibraryFiles.Write(file);
            if (changed)
            {
                Check(await editor.SaveExerciseAsync(current.Id, file, current.Version, actor, "exercise.imported", cancellationToken, checkGentleRoutines: false), file.Slug);
            }
            Count(file.Slug, changed, existing);
        }
        foreach (var file in routines)
        {
            Count(file.Slug, await SaveRoutineIfChangedAsync(file, actor, cancellationToken), existingRoutines);
        }
        return new ImportResult([], created, updated, unchanged);
    }

    /// <summary>A save refused half-way (someone saved at the same moment) stops the import, and it rolls back.</summary>
    private static void Check(SaveResult result, string slug)
    {
        if (!result.Saved)
        {
            throw new ImportStopped(result.Conflict is not null
                ? $"\"{slug}\" was changed by someone else at the same moment"
                : $"\"{slug}\": {string.Join(" ", result.Errors.Select(e => e.ErrorMessage))}");
        }
    }

    /// <summary>Saves the routine when it differs from the stored one; true when it did.</summary>
    private async Task<bool> SaveRoutineIfChangedAsync(RoutineFile file, string actor, CancellationToken cancellationToken)
    {
        var current = await db.Routines.AsNoTracking().Include(r => r.Steps).ThenInclude(s => s.Exercise).FirstOrDefaultAsync(r => r.Slug == file.Slug, cancellationToken);
        if (current is not null && LibraryFiles.Write(LibraryFiles.ToFile(current)) == LibraryFiles.Write(file))
        {
            return false;
        }
        Check(await editor.SaveRoutineAsync(current?.Id, file, current?.Version ?? 0, actor, "routine.imported", cancellationToken), file.Slug);
        return true;
    }
}
