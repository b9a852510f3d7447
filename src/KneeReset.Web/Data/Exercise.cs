namespace KneeReset.Web.Data;

public sealed class Exercise
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Purpose { get; set; }
    /// <summary>mobility, strength, eccentric, activation or stretch.</summary>
    public required string Kind { get; set; }
    /// <summary>Quick store-and-release loading (hops, skips, jumps): kept from anyone whose tendon is in play (TendonSafety).</summary>
    public bool Springy { get; set; }
    public List<string> BodyAreas { get; set; } = [];
    public List<string> Equipment { get; set; } = [];
    public List<string> Instructions { get; set; } = [];
    public List<string> Cues { get; set; } = [];
    public List<string> CommonMistakes { get; set; } = [];
    public string? EasierSlug { get; set; }
    public string? HarderSlug { get; set; }
    public PublishStatus Status { get; set; } = PublishStatus.Published;
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: bumped on every save; a save with an older version is a conflict.</summary>
    public int Version { get; set; } = 1;
    /// <summary>An uploaded picture, stored outside wwwroot and served by /media/{name}.</summary>
    public string? Image { get; set; }
    /// <summary>A draft saved over the published exercise (file format): runners keep the published one until it is published.</summary>
    public string? DraftJson { get; set; }
    /// <summary>A picture uploaded with that draft; it replaces <see cref="Image"/> when the draft is published.</summary>
    public string? DraftImage { get; set; }
}
