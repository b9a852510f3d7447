using System.Text.Json;
using KneeReset.Core;
using KneeReset.Web.Data;

namespace KneeReset.Web.Library;

public static class LibraryFiles
{
    /// <summary>How library files are written (export, revisions): indented, stable order, LF line ends.</summary>
    public static JsonSerializerOptions WriteOptions { get; } = new(ContentJson.Options) { WriteIndented = true, IndentSize = 2 };

    public static string Write<T>(T file) => JsonSerializer.Serialize(file, WriteOptions) + "\n";

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ContentJson.Options)
        ?? throw new InvalidDataException("The file is empty.");

    public static ExerciseFile ToFile(Exercise e) => new()
    {
        Slug = e.Slug,
        Name = e.Name,
        Purpose = e.Purpose,
        Kind = e.Kind,
        Springy = e.Springy,
        BodyAreas = [.. e.BodyAreas],
        Equipment = [.. e.Equipment],
        Instructions = [.. e.Instructions],
        Cues = [.. e.Cues],
        CommonMistakes = [.. e.CommonMistakes],
        Easier = e.EasierSlug,
        Harder = e.HarderSlug,
        Status = StatusWord(e.Status),
    };

    public static RoutineFile ToFile(Routine r) => new()
    {
        Slug = r.Slug,
        Title = r.Title,
        Summary = r.Summary,
        WhenToDo = r.WhenToDo,
        Phase = r.Phase,
        Causes = [.. r.Causes],
        Findings = [.. r.Findings],
        Difficulty = r.Difficulty,
        Gentle = r.Gentle,
        PainRule = r.PainRule,
        Status = StatusWord(r.Status),
        Steps = r.Steps.OrderBy(s => s.Position).Select(s => new RoutineStepFile
        {
            Exercise = s.Exercise.Slug,
            Sets = s.Sets,
            Reps = s.Reps,
            HoldSeconds = s.HoldSeconds,
            RestSeconds = s.RestSeconds,
            PerSide = s.PerSide,
            Tempo = s.Tempo,
            Note = s.Note,
        }).ToList(),
    };

    /// <summary>What staff are working on: the draft waiting over the published routine, or the routine itself.</summary>
    public static RoutineFile Editing(Routine r) => r.DraftJson is { } draft ? Read<RoutineFile>(draft) : ToFile(r);

    /// <summary>What staff are working on: the draft waiting over the published exercise, or the exercise itself.</summary>
    public static ExerciseFile Editing(Exercise e) => e.DraftJson is { } draft ? Read<ExerciseFile>(draft) : ToFile(e);

    /// <summary>Writes an exercise file's fields onto a stored exercise (everything but its picture, history and version).</summary>
    public static void Apply(ExerciseFile file, Exercise e)
    {
        e.Slug = file.Slug;
        e.Name = file.Name;
        e.Purpose = file.Purpose;
        e.Kind = file.Kind;
        e.Springy = file.Springy;
        e.BodyAreas = [.. file.BodyAreas];
        e.Equipment = [.. file.Equipment];
        e.Instructions = [.. file.Instructions];
        e.Cues = [.. file.Cues];
        e.CommonMistakes = [.. file.CommonMistakes];
        e.EasierSlug = file.Easier;
        e.HarderSlug = file.Harder;
        e.Status = ParseStatus(file.Status);
    }

    /// <summary>Writes a routine file's fields and steps onto a stored routine (everything but its history and version).</summary>
    /// <param name="exercises">The stored exercises the steps name, by slug.</param>
    public static void Apply(RoutineFile file, Routine r, IReadOnlyDictionary<string, Exercise> exercises)
    {
        r.Slug = file.Slug;
        r.Title = file.Title;
        r.Summary = file.Summary;
        r.WhenToDo = file.WhenToDo;
        r.Phase = file.Phase;
        r.Causes = [.. file.Causes];
        r.Findings = [.. file.Findings];
        r.Difficulty = file.Difficulty;
        r.Gentle = file.Gentle;
        r.PainRule = string.IsNullOrWhiteSpace(file.PainRule) ? null : file.PainRule;
        r.Status = ParseStatus(file.Status);
        r.Steps = file.Steps.Select((s, i) => new RoutineStep
        {
            Position = i + 1,
            Exercise = exercises[s.Exercise],
            ExerciseId = exercises[s.Exercise].Id,
            Sets = s.Sets,
            Reps = s.Reps,
            HoldSeconds = s.HoldSeconds,
            RestSeconds = s.RestSeconds,
            PerSide = s.PerSide,
            Tempo = string.IsNullOrWhiteSpace(s.Tempo) ? null : s.Tempo,
            Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note,
        }).ToList();
    }

    /// <summary>A new stored exercise from its file (version 1, not yet added to the store).</summary>
    public static Exercise NewExercise(ExerciseFile file)
    {
        var exercise = new Exercise { Slug = "", Name = "", Purpose = "", Kind = "" };
        Apply(file, exercise);
        return exercise;
    }

    /// <summary>A new stored routine from its file (version 1, not yet added to the store).</summary>
    public static Routine NewRoutine(RoutineFile file, IReadOnlyDictionary<string, Exercise> exercises)
    {
        var routine = new Routine { Slug = "", Title = "", Summary = "", WhenToDo = "", Phase = "", Difficulty = "" };
        Apply(file, routine, exercises);
        return routine;
    }

    public static string StatusWord(PublishStatus status) => Vocabulary.Word(status);

    /// <summary>The status as staff read it ("Published"); <see cref="StatusWord"/> is its code in files and forms.</summary>
    public static string StatusName(PublishStatus status) => status.ToString();

    /// <summary>The status choices of the edit forms: the code posted, the name shown.</summary>
    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> StatusChoices(string? selected) =>
        Enum.GetValues<PublishStatus>().Select(s => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(StatusName(s), StatusWord(s), StatusWord(s) == selected));

    public static PublishStatus ParseStatus(string word) => Enum.Parse<PublishStatus>(word, ignoreCase: true);

    public static IReadOnlyList<ExerciseFile> ReadExercises(string contentDir) => ReadAll<ExerciseFile>(Path.Combine(contentDir, "exercises"));

    public static IReadOnlyList<RoutineFile> ReadRoutines(string contentDir) => ReadAll<RoutineFile>(Path.Combine(contentDir, "routines"));

    private static List<T> ReadAll<T>(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(ContentJson.Read<T>).ToList()
            : [];
}
