using KneeReset.Core;

namespace KneeReset.Web.Data;

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
    public static IReadOnlyList<ExerciseFile> ReadExercises(string contentDir) => ReadAll<ExerciseFile>(Path.Combine(contentDir, "exercises"));

    public static IReadOnlyList<RoutineFile> ReadRoutines(string contentDir) => ReadAll<RoutineFile>(Path.Combine(contentDir, "routines"));

    private static List<T> ReadAll<T>(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal).Select(ContentJson.Read<T>).ToList()
            : [];
}
