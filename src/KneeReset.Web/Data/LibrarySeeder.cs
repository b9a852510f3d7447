using KneeReset.Web.Routines;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Data;

/// <summary>
/// Seeds the routine library from content/: inserts what is missing (by slug) and never
/// overwrites what is already in the store, so staff edits survive new content files.
/// </summary>
public sealed class LibrarySeeder(KneeResetDbContext db, LibraryCache cache, TimeProvider clock, ILogger<LibrarySeeder> logger)
{
    public async Task SeedAsync(string contentDir, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var exerciseFiles = LibraryFiles.ReadExercises(contentDir);
        var existingExercises = await db.Exercises.Select(e => e.Slug).ToListAsync(cancellationToken);
        var newExercises = exerciseFiles.Where(f => !existingExercises.Contains(f.Slug)).Select(f => new Exercise
        {
            Slug = f.Slug,
            Name = f.Name,
            Purpose = f.Purpose,
            Kind = f.Kind,
            BodyAreas = f.BodyAreas,
            Equipment = f.Equipment,
            Instructions = f.Instructions,
            Cues = f.Cues,
            CommonMistakes = f.CommonMistakes,
            EasierSlug = f.Easier,
            HarderSlug = f.Harder,
            Status = LibraryFiles.ParseStatus(f.Status),
            UpdatedAt = now,
        }).ToList();
        db.Exercises.AddRange(newExercises);
        await db.SaveChangesAsync(cancellationToken);
        db.Revisions.AddRange(newExercises.Select(e => FirstRevision("exercise", e.Id, LibraryFiles.Write(exerciseFiles.First(f => f.Slug == e.Slug)), now)));

        var exerciseIds = await db.Exercises.ToDictionaryAsync(e => e.Slug, e => e.Id, cancellationToken);
        var existingRoutines = await db.Routines.Select(r => r.Slug).ToListAsync(cancellationToken);
        var newRoutines = new List<Routine>();
        var routineFiles = LibraryFiles.ReadRoutines(contentDir).ToDictionary(f => f.Slug);
        foreach (var file in routineFiles.Values.Where(f => !existingRoutines.Contains(f.Slug)))
        {
            var missing = file.Steps.Select(s => s.Exercise).Where(slug => !exerciseIds.ContainsKey(slug)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"Routine '{file.Slug}' names unknown exercises: {string.Join(", ", missing)}.");
            }
            newRoutines.Add(new Routine
            {
                Slug = file.Slug,
                Title = file.Title,
                Summary = file.Summary,
                WhenToDo = file.WhenToDo,
                Phase = file.Phase,
                Causes = file.Causes,
                Findings = file.Findings,
                Difficulty = file.Difficulty,
                Gentle = file.Gentle,
                PainRule = file.PainRule,
                Status = LibraryFiles.ParseStatus(file.Status),
                UpdatedAt = now,
                Steps = file.Steps.Select((s, i) => LibraryFiles.ToStep(s, i + 1, exerciseIds[s.Exercise])).ToList(),
            });
        }
        db.Routines.AddRange(newRoutines);
        await db.SaveChangesAsync(cancellationToken);
        db.Revisions.AddRange(newRoutines.Select(r => FirstRevision("routine", r.Id, LibraryFiles.Write(routineFiles[r.Slug]), now)));
        await db.SaveChangesAsync(cancellationToken);
        if (newExercises.Count + newRoutines.Count > 0)
        {
            await cache.InvalidateAsync(cancellationToken);
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Library seeded: {NewExercises} new exercises, {NewRoutines} new routines", newExercises.Count, newRoutines.Count);
        }
    }

    /// <summary>Seeded content starts its history, so staff can always go back to it.</summary>
    private static Revision FirstRevision(string type, int id, string snapshot, DateTimeOffset now) => new()
    {
        EntityType = type,
        EntityId = id,
        Version = 1,
        Snapshot = snapshot,
        Summary = "seeded from content",
        CreatedAt = now,
        By = "content",
    };
}
