using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.Data;

/// <summary>A studio staff member: Admin, Editor or Clinician.</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>A clinician's choice: email me when a runner I follow should see a clinician. Off until they tick it.</summary>
    public bool EmailOnEscalation { get; set; }
}
