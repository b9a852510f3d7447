using System.Security.Cryptography;
using System.Text;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.Assessment;

/// <summary>
/// The optional passcode on a share link: stored hashed; a correct entry grants that browser
/// access to that one result for 12 hours, through a protected cookie scoped to its path.
/// </summary>
public sealed class SharePasscodes(IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly PasswordHasher<StoredAssessment> Hasher = new();
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("KneeReset.SharePasscode").ToTimeLimitedDataProtector();

    public static string Hash(StoredAssessment assessment, string passcode) => Hasher.HashPassword(assessment, passcode);

    public bool Verify(StoredAssessment assessment, string? passcode) =>
        assessment.PasscodeHash is { } hash && !string.IsNullOrEmpty(passcode)
            && Hasher.VerifyHashedPassword(assessment, hash, passcode) != PasswordVerificationResult.Failed;

    public void GrantAccess(HttpContext context, StoredAssessment assessment) =>
        context.Response.Cookies.Append(CookieName(assessment), _protector.Protect(Grant(assessment), clock.GetUtcNow().AddHours(12)), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = TimeSpan.FromHours(12),
        });

    public bool HasAccess(HttpContext context, StoredAssessment assessment)
    {
        if (assessment.PasscodeHash is null)
        {
            return true;
        }
        if (!context.Request.Cookies.TryGetValue(CookieName(assessment), out var value))
        {
            return false;
        }
        try
        {
            return _protector.Unprotect(value) == Grant(assessment);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>A grant names the token and passcode hash, so a new passcode or a new link voids old grants.</summary>
    private static string Grant(StoredAssessment a) => $"{a.Token}|{a.PasscodeHash}";

    private static string CookieName(StoredAssessment a) =>
        "kr_pass_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(a.Token)))[..12].ToLowerInvariant();
}
