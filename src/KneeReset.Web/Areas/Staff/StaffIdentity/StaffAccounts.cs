using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

/// <summary>
/// Creating, inviting, re-roling and disabling staff accounts, each audited: the change and its
/// audit entry are stored in one transaction (Identity saves as it goes, on the same context).
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, AuditLog audit, KneeResetDbContext db, TimeProvider clock)
{
    public async Task<(StaffUser? User, IReadOnlyList<string> Errors)> CreateAsync(string email, string? displayName, string role, string actor)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return (null, [$"Role must be one of {string.Join(", ", StaffRoles.All)}."]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Description).ToList());
        }
        await users.AddToRoleAsync(user, role);
        audit.Record(actor, "staff.created", email, $"role {role}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (user, []);
    }

    /// <summary>
    /// A one-time set-password link path. It dies once a password is set, after Staff:SetPasswordLinkHours,
    /// or when a newer link is made: a new security stamp ends every earlier link (and the account's sessions).
    /// </summary>
    public async Task<string> InvitePathAsync(StaffUser user, string actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.UpdateSecurityStampAsync(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        audit.Record(actor, "staff.invited", user.Email!);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return $"/Staff/Invite?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    public async Task SetRoleAsync(StaffUser user, string role, string actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(actor, "staff.role_changed", user.Email!, $"{string.Join(",", current)} -> {role}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public async Task SetDisabledAsync(StaffUser user, bool disabled, string actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.Disabled = disabled;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        audit.Record(actor, disabled ? "staff.disabled" : "staff.enabled", user.Email!);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
