using System.Data.Common;
using System.IO.Compression;
using System.Text;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// The whole library as a zip of files in the content/ format (exercises/*.json,
/// routines/*.json), and back. Export, import, export gives the same files; an import with any
/// bad file imports nothing and names every problem.
/// </summary>
public sealed class LibraryTransfer(KneeResetDbContext db, LibraryEditor editor, LibraryChecks checks)
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

    /// <summary>
    /// Reads, checks and applies everything first, against the library as loaded once; then writes
    /// every change in one transaction of two saves (the items, then their revisions and audit
    /// entries), so the store's write lock is held for the writes alone: seconds even for a library
    /// at the zip's limits (a save per item held it for minutes, and runners' saves timed out: issue 22).
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream zipStream, string actor, CancellationToken cancellationToken)
    {
        var (exercises, routines, problems) = await LibraryZip.ReadAsync(zipStream, cancellationToken);
        var stamp = await StampAsync(cancellationToken);
        // Tracked: the import saves onto them. Loaded after the stamp, so a change in between shows.
        var storedExercises = await db.Exercises.ToDictionaryAsync(e => e.Slug, StringComparer.Ordinal, cancellationToken);
        var storedRoutines = await db.Routines.Include(r => r.Steps).ToDictionaryAsync(r => r.Slug, StringComparer.Ordinal, cancellationToken);
        problems.AddRange(checks.Import(exercises, routines, storedExercises, storedRoutines));
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportResult(problems, 0, 0, 0);
        }

        var exerciseSaves = exercises.Select(f => (Stored: storedExercises.GetValueOrDefault(f.Slug), File: f))
            .Where(e => e.Stored is null || LibraryFiles.Write(LibraryFiles.ToFile(e.Stored)) != LibraryFiles.Write(e.File)).ToList();
        var routineSaves = routines.Select(f => (Stored: storedRoutines.GetValueOrDefault(f.Slug), File: f))
            .Where(r => r.Stored is null || LibraryFiles.Write(LibraryFiles.ToFile(r.Stored)) != LibraryFiles.Write(r.File)).ToList();
        var created = exerciseSaves.Count(e => e.Stored is null) + routineSaves.Count(r => r.Stored is null);
        var updated = exerciseSaves.Count + routineSaves.Count - created;
        var result = new ImportResult([], created, updated, exercises.Count + routines.Count - created - updated);
        if (created + updated == 0)
        {
            db.ChangeTracker.Clear();
            return result;
        }

        // All or nothing: both saves join one transaction, committed only when the last one is in.
        try
        {
            var staged = await editor.StageImportedAsync(exerciseSaves, routineSaves, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await StampAsync(cancellationToken) != stamp)
            {
                throw new ImportStopped("someone else changed the library while it was being checked");
            }
            if (await editor.StoreImportedAsync(staged, actor, cancellationToken) is { } refused)
            {
                throw new ImportStopped(string.Join(" ", refused.Errors.Select(e => e.ErrorMessage)));
            }
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or ImportStopped)
        {
            db.ChangeTracker.Clear();
            var why = e is ImportStopped ? e.Message : "the store could not write";
            return new ImportResult([$"The import stopped part-way ({why}), so nothing was imported. Try again; if it keeps failing, tell an admin."], 0, 0, 0);
        }
    }

    private sealed class ImportStopped(string message) : Exception(message);

    /// <summary>
    /// Moves with every library change: each save adds a revision, a delete changes a count. The
    /// same inside the write transaction as when the import was checked: nothing checked has changed.
    /// </summary>
    private async Task<(int? LastRevision, int Exercises, int Routines)> StampAsync(CancellationToken cancellationToken) =>
        (await db.Revisions.MaxAsync(r => (int?)r.Id, cancellationToken), await db.Exercises.CountAsync(cancellationToken), await db.Routines.CountAsync(cancellationToken));
}
