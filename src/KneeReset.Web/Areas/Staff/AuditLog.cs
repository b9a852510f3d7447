using KneeReset.Web.Data;

namespace KneeReset.Web.Areas.Staff;

/// <summary>Records who changed what and when; saved with the change it describes.</summary>
public sealed class AuditLog(KneeResetDbContext db, TimeProvider clock)
{
    /// <summary>Adds an entry to the unit of work; the caller's SaveChanges stores it with the change.</summary>
    public void Record(string actor, string action, string target, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target,
            Details = details is { Length: > 2000 } ? details[..2000] : details,
        });
}
