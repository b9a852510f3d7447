using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeReset.Core;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Staff;

/// <summary>
/// The whole library as a zip of files in the content/ format (exercises/*.json,
/// routines/*.json), and back. Export, import, export gives the same files; an import with any
/// bad file imports nothing and names every problem.
/// </summary>
public sealed class LibraryTransfer(KneeResetDbContext db, LibraryEditor editor)
{
    public const long MaxZipBytes = 10 * 1024 * 1024;
    private const long MaxEntryBytes = 256 * 1024;
    private const int MaxEntries = 2000;
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

    /// <summary>
    /// Imported files come from outside: null where the format has a list, a text or a list item
    /// is refused here, as the validators (shared with the editor, which never sends null) assume none.
    /// </summary>
    private static readonly JsonSerializerOptions StrictOptions = new(ContentJson.Options) { RespectNullableAnnotations = true };

    private static T ReadStrict<T>(string text)
    {
        var file = JsonSerializer.Deserialize<T>(text, StrictOptions) ?? throw new JsonException("the file holds null, not an object");
        if (HoldsNullItem(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })))
        {
            throw new JsonException("a list holds null");
        }
        return file;
    }

    private static bool HoldsNullItem(JsonNode? node) => node switch
    {
        JsonArray array => array.Any(item => item is null || HoldsNullItem(item)),
        JsonObject obj => obj.Any(property => HoldsNullItem(property.Value)),
        _ => false,
    };

    public sealed record ImportResult(IReadOnlyList<string> Problems, int Created, int Updated, int Unchanged);

    public async Task<ImportResult> ImportAsync(Stream zipStream, string actor, CancellationToken cancellationToken)
    {
        var exercises = new List<ExerciseFile>();
        var routines = new List<RoutineFile>();
        var problems = new List<string>();
        try
        {
            using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return new ImportResult([$"The zip holds more than {MaxEntries} files."], 0, 0, 0);
            }
            foreach (var entry in zip.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')))
            {
                if (entry.Length > MaxEntryBytes)
                {
                    problems.Add($"{entry.FullName}: too large.");
                    continue;
                }
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = await reader.ReadToEndAsync(cancellationToken);
                try
                {
                    if (entry.FullName.StartsWith("exercises/", StringComparison.Ordinal) && entry.FullName.EndsWith(".json", StringComparison.Ordinal))
                    {
                        exercises.Add(ReadStrict<ExerciseFile>(text));
                    }
                    else if (entry.FullName.StartsWith("routines/", StringComparison.Ordinal) && entry.FullName.EndsWith(".json", StringComparison.Ordinal))
                    {
                        routines.Add(ReadStrict<RoutineFile>(text));
                    }
                    else
                    {
                        problems.Add($"{entry.FullName}: not an exercises/ or routines/ JSON file.");
                    }
                }
                catch (JsonException e)
                {
                    problems.Add($"{entry.FullName}: not a valid library file ({e.Message}).");
                }
            }
        }
        catch (InvalidDataException)
        {
            return new ImportResult(["That file is not a zip archive."], 0, 0, 0);
        }

        foreach (var duplicate in exercises.GroupBy(e => e.Slug).Where(g => g.Count() > 1))
        {
            problems.Add($"Exercise \"{duplicate.Key}\" appears more than once.");
        }
        var kinds = (await editor.ExerciseKindsAsync(cancellationToken)).ToDictionary();
        foreach (var file in exercises)
        {
            kinds[file.Slug] = file.Kind;
            problems.AddRange(new ExerciseFileValidator().Validate(file).Errors.Select(e => $"exercises/{file.Slug}.json: {e.ErrorMessage}"));
            foreach (var variation in new[] { file.Easier, file.Harder }.OfType<string>())
            {
                if (!kinds.ContainsKey(variation) && exercises.All(e => e.Slug != variation))
                {
                    problems.Add($"exercises/{file.Slug}.json: its variation \"{variation}\" doesn't exist.");
                }
            }
        }
        var routineValidator = new RoutineFileValidator(kinds);
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
                .Where(slug => !LibraryWords.GentleKinds.Contains(kinds.GetValueOrDefault(slug) ?? ""))
                .Select(slug => $"exercises/{slug}.json: the gentle routine \"{routine.Title}\" uses it, so it must stay a mobility or stretch exercise."));
        }
        if (problems.Count > 0)
        {
            return new ImportResult(problems, 0, 0, 0);
        }

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
            var bare = new ExerciseFile
            {
                Slug = file.Slug,
                Name = file.Name,
                Purpose = file.Purpose,
                Kind = file.Kind,
                BodyAreas = file.BodyAreas,
                Equipment = file.Equipment,
                Instructions = file.Instructions,
                Cues = file.Cues,
                CommonMistakes = file.CommonMistakes,
                Status = file.Status,
            };
            await editor.SaveExerciseAsync(null, bare, 0, actor, "exercise.imported", cancellationToken, checkGentleRoutines: false);
        }
        foreach (var file in exercises)
        {
            var current = await db.Exercises.AsNoTracking().FirstAsync(e => e.Slug == file.Slug, cancellationToken);
            var changed = LibraryFiles.Write(LibraryFiles.ToFile(current)) != LibraryFiles.Write(file);
            if (changed)
            {
                await editor.SaveExerciseAsync(current.Id, file, current.Version, actor, "exercise.imported", cancellationToken, checkGentleRoutines: false);
            }
            Count(file.Slug, changed, existing);
        }
        foreach (var file in routines)
        {
            Count(file.Slug, await SaveRoutineIfChangedAsync(file, actor, cancellationToken), existingRoutines);
        }
        return new ImportResult([], created, updated, unchanged);
    }

    /// <summary>Saves the routine when it differs from the stored one; true when it did.</summary>
    private async Task<bool> SaveRoutineIfChangedAsync(RoutineFile file, string actor, CancellationToken cancellationToken)
    {
        var current = await db.Routines.AsNoTracking().Include(r => r.Steps).ThenInclude(s => s.Exercise).FirstOrDefaultAsync(r => r.Slug == file.Slug, cancellationToken);
        if (current is not null && LibraryFiles.Write(LibraryFiles.ToFile(current)) == LibraryFiles.Write(file))
        {
            return false;
        }
        await editor.SaveRoutineAsync(current?.Id, file, current?.Version ?? 0, actor, "routine.imported", cancellationToken);
        return true;
    }
}
