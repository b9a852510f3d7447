using System.Text.Json.Serialization;

namespace KneeReset.Web.Library;

/// <summary>
/// The file format of content/exercises/*.json, and the one shape of an exercise as written: the staff
/// Edit page binds it (its version beside it), the import and export carry it, revisions keep it;
/// <see cref="LibraryText"/> tidies its text, whichever way it came in.
/// </summary>
public sealed record ExerciseFile
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Purpose { get; init; }
    public required string Kind { get; init; }
    /// <summary>
    /// Hops, skips, jumps: kept from anyone whose tendon is in play. Left out when false, so files
    /// and revisions written before the field read the same (the seeder compares them).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Springy { get; init; }
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
