using KneeReset.Web.Data;
using KneeReset.Web.Library;

namespace KneeReset.Web.Areas.Staff.LibraryEditing;

/// <summary>
/// A checked file applied to the tracked store as the item's next version, through the one
/// file-to-store mapping (<see cref="LibraryFiles"/>): a new item, the item itself, or a draft
/// waiting beside the published one. Nothing is stored here; <see cref="LibraryEditor"/> stores
/// it with its revision and audit entry.
/// </summary>
public sealed class LibraryChanges(KneeResetDbContext db, TimeProvider clock)
{
    /// <summary>A checked exercise file onto its stored exercise as a new version, or a new exercise; stored by the caller.</summary>
    public Exercise Apply(Exercise? exercise, ExerciseFile file, string? image)
    {
        var version = (exercise?.Version ?? 0) + 1;
        if (exercise is null)
        {
            exercise = db.Exercises.Add(LibraryFiles.NewExercise(file)).Entity;
            exercise.Image = image;
        }
        else if (WaitsAsDraft(exercise.Status, file.Status))
        {
            // Draft over published: the draft (and any new picture) waits; runners keep the live exercise.
            exercise.DraftJson = LibraryFiles.Write(file);
            exercise.DraftImage = image ?? exercise.DraftImage;
        }
        else
        {
            LibraryFiles.Apply(file, exercise);
            exercise.Image = image ?? exercise.DraftImage ?? exercise.Image;
            (exercise.DraftJson, exercise.DraftImage) = (null, null);
        }
        exercise.UpdatedAt = clock.GetUtcNow();
        exercise.Version = version;
        return exercise;
    }

    /// <summary>A checked routine file onto its stored routine as a new version, or a new routine; stored by the caller.</summary>
    /// <param name="exercises">The exercises its steps name, by slug (tracked).</param>
    public Routine Apply(Routine? routine, RoutineFile file, IReadOnlyDictionary<string, Exercise> exercises)
    {
        var version = (routine?.Version ?? 0) + 1;
        if (routine is null)
        {
            routine = db.Routines.Add(LibraryFiles.NewRoutine(file, exercises)).Entity;
        }
        else if (WaitsAsDraft(routine.Status, file.Status))
        {
            // Draft over published: the draft waits beside the live routine, which runners keep seeing.
            routine.DraftJson = LibraryFiles.Write(file);
        }
        else
        {
            db.RoutineSteps.RemoveRange(routine.Steps);
            LibraryFiles.Apply(file, routine, exercises);
            routine.DraftJson = null;
        }
        routine.UpdatedAt = clock.GetUtcNow();
        routine.Version = version;
        return routine;
    }

    /// <summary>A draft saved over a published item waits beside it instead of replacing it.</summary>
    public static bool WaitsAsDraft(PublishStatus live, string status) => live == PublishStatus.Published && IsDraft(status);

    private static bool IsDraft(string status) => LibraryFiles.ParseStatus(status) == PublishStatus.Draft;
}
