namespace KneeReset.Web.Data;

/// <summary>Who changed what, and when.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? Details { get; set; }
}
