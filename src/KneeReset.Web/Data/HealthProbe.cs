namespace KneeReset.Web.Data;

/// <summary>One row the readiness check rewrites, to prove the store takes writes.</summary>
public sealed class HealthProbe
{
    public int Id { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}
