using System.Text.Json;
using KneeReset.Core;
using KneeReset.Web.Data;

namespace KneeReset.Web.Library;

/// <summary>The file format of content/exercises/*.json (also the export format).</summary>
public sealed class ExerciseFile
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Purpose { get; init; }
    public required string Kind { get; init; }
    public List<string> BodyAreas { get; init; } = [];
    public List<string> Equipment { get; init; } = [];
    public List<string> Instructions { get; init; } = [];
    public List<string> Cues { get; init; } = [];
    public List<string> CommonMistakes { get; init; } = [];
    public string? Easier { get; init; }
    public string? Harder { get; init; }
    /// <summary>draft, published or archived; content files leave it out (published).</summary>
    public string Status { get; init; } = "published";
}

/// <summary>The file format of content/routines/*.json.</summary>
public sealed class RoutineFile
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string WhenToDo { get; init; }
    public required string Phase { get; init; }
    public List<string> Causes { get; init; } = [];
    public List<string> Findings { get; init; } = [];
    public required string Difficulty { get; init; }
    public bool Gentle { get; init; }
    public string? PainRule { get; init; }
    /// <summary>draft, published or archived; content files leave it out (published).</summary>
    public string Status { get; init; } = "published";
    public required List<RoutineStepFile> Steps { get; init; }
}

public sealed class RoutineStepFile
{
    public required string Exercise { get; init; }
    public int Sets { get; init; } = 1;
    public int? Reps { get; init; }
    public int? HoldSeconds { get; init; }
    public int RestSeconds { get; init; }
    public bool PerSide { get; init; }
    public string? Tempo { get; init; }
    public string? Note { get; init; }
}

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

    /// <summary>Writes an exercise file's fields onto a stored exercise (everything but its picture, history and version).</summary>
    public static void Apply(ExerciseFile file, Exercise e)
    {
        e.Slug = file.Slug;
        e.Name = file.Name;
        e.Purpose = file.Purpose;
        e.Kind = file.Kind;
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
    /// <param name="exerciseIds">Store ids of the exercises the steps name, by slug.</param>
    public static void Apply(RoutineFile file, Routine r, IReadOnlyDictionary<string, int> exerciseIds)
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
        r.Steps = file.Steps.Select((s, i) => ToStep(s, i + 1, exerciseIds[s.Exercise])).ToList();
    }

    /// <summary>A step of a routine file as a stored step, at its position (1-based).</summary>
    public static RoutineStep ToStep(RoutineStepFile s, int position, int exerciseId) => new()
    {
        Position = position,
        ExerciseId = exerciseId,
        Sets = s.Sets,
        Reps = s.Reps,
        HoldSeconds = s.HoldSeconds,
        RestSeconds = s.RestSeconds,
        PerSide = s.PerSide,
        Tempo = string.IsNullOrWhiteSpace(s.Tempo) ? null : s.Tempo,
        Note = string.IsNullOrWhiteSpace(s.Note) ? null : s.Note,
    };

    public static string StatusWord(PublishStatus status) => Vocabulary.Word(status);

    public static PublishStatus ParseStatus(string word) => Enum.Parse<PublishStatus>(word, ignoreCase: true);

    public static IReadOnlyList<ExerciseFile> ReadExercises(string contentDir) => ReadAll<ExerciseFile>(Path.Combine(contentDir, "exercises"));

    public static IReadOnlyList<RoutineFile> ReadRoutines(string contentDir) => ReadAll<RoutineFile>(Path.Combine(contentDir, "routines"));

    private static List<T> ReadAll<T>(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(ContentJson.Read<T>).ToList()
            : [];
}
