using System.IO.Compression;
using System.Text;
using KneeReset.Web.Library;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>Library zips as staff would upload them: a whole library of made-up exercises and routines using them.</summary>
public static class LibraryZips
{
    private static readonly string[] Kinds = ["mobility", "activation", "strength", "stretch", "eccentric"];
    private static readonly string[] Areas = ["hips", "glutes", "quads", "hamstrings", "calves", "ankles", "feet", "core"];

    /// <summary>The slug of the <paramref name="i"/>th exercise of a library made with <paramref name="prefix"/>.</summary>
    public static string ExerciseSlug(string prefix, int i) => $"{prefix}-exercise-{i:D4}";

    public static string RoutineSlug(string prefix, int i) => $"{prefix}-routine-{i:D3}";

    /// <summary>
    /// <paramref name="exercises"/> exercises in chains of five variations (easier and harder point at
    /// their neighbours, so each new one names others in the same zip) and <paramref name="routines"/>
    /// routines of up to 30 steps over them. <paramref name="edition"/> changes every name, so a second
    /// import of another edition updates everything.
    /// </summary>
    public static (List<ExerciseFile> Exercises, List<RoutineFile> Routines) Library(string prefix, int exercises, int routines, int edition = 1)
    {
        var exerciseFiles = Enumerable.Range(0, exercises).Select(i => new ExerciseFile
        {
            Slug = ExerciseSlug(prefix, i),
            Name = $"Exercise {i} of {prefix}, edition {edition}",
            Purpose = $"Number {i} of a made-up library: loads the {Areas[i % Areas.Length]} gently so the knee learns to share the work. Edition {edition}.",
            Kind = Kinds[i % Kinds.Length],
            BodyAreas = [Areas[i % Areas.Length], Areas[(i + 3) % Areas.Length]],
            Equipment = i % 3 == 0 ? ["mat"] : [],
            Instructions = [.. Enumerable.Range(1, 4).Select(n => $"Step {n} of exercise {i}: move slowly through the range you have today, breathing out on the effort ({edition}).")],
            Cues = [$"Keep the knee over the middle toes ({i}).", "Stop short of pain."],
            CommonMistakes = [$"Rushing the lowering phase of exercise {i}; count three seconds down instead."],
            Easier = i % 5 == 0 ? null : ExerciseSlug(prefix, i - 1),
            Harder = i % 5 == 4 || i == exercises - 1 ? null : ExerciseSlug(prefix, i + 1),
            Status = "published",
        }).ToList();
        var routineFiles = Enumerable.Range(0, routines).Select(r => new RoutineFile
        {
            Slug = RoutineSlug(prefix, r),
            Title = $"Routine {r} of {prefix}, edition {edition}",
            Summary = $"A made-up routine over exercises of {prefix}.",
            WhenToDo = "After an easy run.",
            Phase = "strengthen",
            Causes = ["runners_knee"],
            Difficulty = "easy",
            Status = r % 2 == 0 ? "published" : "draft",
            Steps = [.. Enumerable.Range(0, Math.Min(30, exercises)).Select(s => new RoutineStepFile
            {
                Exercise = ExerciseSlug(prefix, (r * 30 + s) % exercises),
                Sets = 2,
                Reps = 10,
                RestSeconds = 30,
            })],
        }).ToList();
        return (exerciseFiles, routineFiles);
    }

    /// <summary>The files as an export writes them: exercises/{slug}.json and routines/{slug}.json.</summary>
    public static byte[] Zip(IEnumerable<ExerciseFile> exercises, IEnumerable<RoutineFile> routines) =>
        Zip([.. exercises.Select(f => ($"exercises/{f.Slug}.json", LibraryFiles.Write(f))), .. routines.Select(f => ($"routines/{f.Slug}.json", LibraryFiles.Write(f)))]);

    public static byte[] Zip((List<ExerciseFile> Exercises, List<RoutineFile> Routines) library) => Zip(library.Exercises, library.Routines);

    /// <summary>Opens the transfer page and imports the zip, as staff would.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] zip) =>
        await (await HtmlForm.OpenAsync(client, "/Staff/Library/Transfer")).Attach("Archive", "library.zip", zip, "application/zip").PressAsync("Import");

    public static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
