using KneeReset.Web.Data;
using KneeReset.Web.Email;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

/// <summary>
/// "Forgot password": a link by email that sets a new password once, within
/// Staff:PasswordResetLinkMinutes. Its token is Identity's, bound to the account's security stamp,
/// which setting the password changes: so a used link fails the second time. Asking for a link
/// changes nothing else (no session of the owner ends just because someone typed their address).
/// </summary>
public sealed class ForgottenPasswords(UserManager<StaffUser> users, AuditLog audit, KneeResetDbContext db, Mailer mailer, PublicLinks links, IOptions<StaffOptions> options)
{
    /// <summary>The token purpose: a link made here opens only the reset page, not the invite page.</summary>
    public const string Purpose = "ForgotPassword";

    private const string Actor = "forgot-password";

    /// <summary>Emails a reset link when <paramref name="email"/> names an active account; otherwise does nothing (and says nothing).</summary>
    public async Task SendLinkAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not { Disabled: false } user)
        {
            return;
        }
        var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, Purpose);
        audit.Record(Actor, "staff.password_reset_requested", user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        await mailer.SendPasswordResetAsync(user.Email!, user.DisplayName, links.To(ResetPath(user.Id, token)), options.Value.PasswordResetLinkMinutes, cancellationToken);
    }

    /// <summary>The reset page's address for a user and a token made for <see cref="Purpose"/>.</summary>
    public static string ResetPath(string userId, string token) =>
        $"/Staff/ResetPassword?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    /// <summary>Sets the new password if the link is still good; Identity's password rules apply (a refused password leaves the link working).</summary>
    public async Task<IdentityResult> ResetAsync(string? userId, string? token, string password)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || user.Disabled || token is null || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, Purpose, token))
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "Invalid token." });
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Identity's own reset checks the password rules and changes the security stamp, which ends this link (and any session).
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded)
        {
            audit.Record(user.Email!, "staff.password_reset", user.Email!, "new password set with a forgot-password link");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return result;
    }
}
