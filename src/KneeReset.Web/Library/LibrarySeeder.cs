using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Library;

/// <summary>
/// Seeds the routine library from content/, in one transaction: inserts what is missing (by
/// slug), and brings content changes to items nobody has edited. An item staff have saved is
/// never overwritten, so their edits survive new content files. Each item it writes gets its
/// revision and audit entry (<c>exercise.seeded</c>, <c>routine.seeded</c>, by "content") through
/// <see cref="LibraryRevisions"/>, as a staff save does.
/// </summary>
public sealed class LibrarySeeder(KneeResetDbContext db, LibraryRevisions revisions, TimeProvider clock, ILogger<LibrarySeeder> logger)
{
    /// <summary>Who the seeder's revisions are by.</summary>
    public const string Content = "content";

    public async Task SeedAsync(string contentDir, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var exerciseFiles = LibraryFiles.ReadExercises(contentDir);
        var routineFiles = LibraryFiles.ReadRoutines(contentDir);
        var history = (await db.Revisions.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(r => (r.EntityType, r.EntityId));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var exercises = await db.Exercises.ToDictionaryAsync(e => e.Slug, cancellationToken);
        var (newExercises, updatedExercises) = (0, 0);
        var seededExercises = new List<Exercise>();
        foreach (var file in exerciseFiles)
        {
            if (exercises.TryGetValue(file.Slug, out var exercise))
            {
                if (!Untouched(history[(LibraryRevisions.ExerciseType, exercise.Id)], LibraryFiles.ToFile(exercise), file))
                {
                    continue;
                }
                LibraryFiles.Apply(file, exercise);
                exercise.Version += 1;
                updatedExercises++;
            }
            else
            {
                exercise = LibraryFiles.NewExercise(file);
                db.Exercises.Add(exercise);
                exercises[file.Slug] = exercise;
                newExercises++;
            }
            exercise.UpdatedAt = now;
            seededExercises.Add(exercise);
        }
        await db.SaveChangesAsync(cancellationToken);

        var routines = await db.Routines.Include(r => r.Steps).ThenInclude(s => s.Exercise).ToDictionaryAsync(r => r.Slug, cancellationToken);
        var (newRoutines, updatedRoutines) = (0, 0);
        var seededRoutines = new List<Routine>();
        foreach (var file in routineFiles)
        {
            var missing = file.Steps.Select(s => s.Exercise).Where(slug => !exercises.ContainsKey(slug)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"Routine '{file.Slug}' names unknown exercises: {string.Join(", ", missing)}.");
            }
            if (routines.TryGetValue(file.Slug, out var routine))
            {
                if (!Untouched(history[(LibraryRevisions.RoutineType, routine.Id)], LibraryFiles.ToFile(routine), file))
                {
                    continue;
                }
                db.RoutineSteps.RemoveRange(routine.Steps);
                LibraryFiles.Apply(file, routine, exercises);
                routine.Version += 1;
                updatedRoutines++;
            }
            else
            {
                routine = LibraryFiles.NewRoutine(file, exercises);
                db.Routines.Add(routine);
                newRoutines++;
            }
            routine.UpdatedAt = now;
            seededRoutines.Add(routine);
        }
        await db.SaveChangesAsync(cancellationToken);
        // Revisions need the ids the store gives new items, so they are written last.
        revisions.Add(await revisions.PrepareAsync(seededExercises, "exercise.seeded", seededRoutines, "routine.seeded", cancellationToken), Content);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Library seeded: {NewExercises} new and {UpdatedExercises} updated exercises, {NewRoutines} new and {UpdatedRoutines} updated routines",
                newExercises, updatedExercises, newRoutines, updatedRoutines);
        }
    }

    /// <summary>
    /// True when the content file changed an item nobody has edited: its every revision came from
    /// content and it still reads as the latest of them.
    /// </summary>
    private static bool Untouched<T>(IEnumerable<Revision> revisions, T stored, T file)
    {
        var list = revisions.ToList();
        var latest = list.MaxBy(r => r.Version);
        return latest is not null
            && list.TrueForAll(r => r.By == Content)
            && LibraryFiles.Write(stored) == latest.Snapshot
            && LibraryFiles.Write(file) != latest.Snapshot;
    }
}
