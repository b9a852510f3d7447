namespace KneeReset.Web.Data;

/// <summary>A saved state of a routine or exercise, in the content file format, for history, compare and restore.</summary>
public sealed class Revision
{
    public int Id { get; set; }
    /// <summary>"routine" or "exercise".</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public int Version { get; set; }
    public required string Snapshot { get; set; }
    public required string Summary { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string By { get; set; }
}
