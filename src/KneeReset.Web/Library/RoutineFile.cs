namespace KneeReset.Web.Library;

/// <summary>
/// The file format of content/routines/*.json, and the one shape of a routine as written: the staff
/// Edit page binds it (its version beside it), the import and export carry it, revisions keep it;
/// <see cref="LibraryText"/> tidies its text, whichever way it came in.
/// </summary>
public sealed record RoutineFile
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
    public required List<RoutineStepFile> Steps { get; init; } = [];
}

public sealed record RoutineStepFile
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
