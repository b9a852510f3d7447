namespace KneeReset.Web.Library;

/// <summary>
/// The one tidying of library file text as staff send it (the Edit pages, through
/// <c>LibraryFileBinder</c>, before validation; an imported zip): line endings as LF, text trimmed, optional text left empty as null, and
/// list fields one item per line (a textarea posts its lines as one item). Numbers and ticks
/// pass through untouched, so a new field needs a line here only when it is text.
/// </summary>
public static class LibraryText
{
    public static ExerciseFile Normalise(ExerciseFile file) => file with
    {
        Slug = Text(file.Slug),
        Name = Text(file.Name),
        Purpose = Text(file.Purpose),
        Kind = Text(file.Kind),
        BodyAreas = Lines(file.BodyAreas),
        // Typed on one line, comma separated, and compared as lower case by the routine filters.
        Equipment = [.. Lines(file.Equipment).SelectMany(e => e.Split(',')).Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0)],
        Instructions = Lines(file.Instructions),
        Cues = Lines(file.Cues),
        CommonMistakes = Lines(file.CommonMistakes),
        Easier = Optional(file.Easier),
        Harder = Optional(file.Harder),
        Status = Text(file.Status),
    };

    public static RoutineFile Normalise(RoutineFile file) => file with
    {
        Slug = Text(file.Slug),
        Title = Text(file.Title),
        Summary = Text(file.Summary),
        WhenToDo = Text(file.WhenToDo),
        Phase = Text(file.Phase),
        Causes = Lines(file.Causes),
        Findings = Lines(file.Findings),
        Difficulty = Text(file.Difficulty),
        PainRule = Optional(file.PainRule),
        Status = Text(file.Status),
        Steps = [.. (file.Steps ?? []).Select(s => s with { Exercise = Text(s.Exercise), Tempo = Optional(s.Tempo), Note = Optional(s.Note) })],
    };

    /// <summary>Trimmed, with LF line ends; a missing value (a form's empty field binds as null) as "".</summary>
    public static string Text(string? text) => (text ?? "").ReplaceLineEndings("\n").Trim();

    public static string? Optional(string? text) => Text(text) is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>One item per line, trimmed, empty lines dropped.</summary>
    public static List<string> Lines(IEnumerable<string?>? items) =>
        [.. (items ?? []).SelectMany(item => Text(item).Split('\n')).Select(line => line.Trim()).Where(line => line.Length > 0)];
}
