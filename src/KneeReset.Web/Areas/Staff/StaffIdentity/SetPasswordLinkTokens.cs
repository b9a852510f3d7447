using KneeReset.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

/// <summary>
/// Identity's set-password tokens, with their age judged by the app's clock (Identity's own check
/// reads the system clock), so the configured lifetime is the app's one notion of time. A "forgot
/// password" link (<see cref="ForgottenPasswords.Purpose"/>) lives Staff:PasswordResetLinkMinutes;
/// every other token Staff:SetPasswordLinkHours.
/// </summary>
public sealed class SetPasswordLinkTokens(
    IDataProtectionProvider protection,
    IOptions<DataProtectionTokenProviderOptions> options,
    IOptions<StaffOptions> staff,
    ILogger<DataProtectorTokenProvider<StaffUser>> logger,
    TimeProvider clock) : DataProtectorTokenProvider<StaffUser>(protection, options, logger)
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        // The token starts with its creation time (UTC ticks), as DataProtectorTokenProvider writes it.
        try
        {
            var created = new DateTimeOffset(BitConverter.ToInt64(Protector.Unprotect(Convert.FromBase64String(token)), 0), TimeSpan.Zero);
            var lifespan = purpose == ForgottenPasswords.Purpose ? TimeSpan.FromMinutes(staff.Value.PasswordResetLinkMinutes) : Options.TokenLifespan;
            if (created + lifespan < clock.GetUtcNow())
            {
                return false;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        return await base.ValidateAsync(purpose, token, manager, user);
    }
}
