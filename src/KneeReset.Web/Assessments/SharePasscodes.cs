using System.Security.Cryptography;
using System.Text;
using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Assessments;

public sealed class PasscodeOptions
{
    public const string Section = "SharePasscodes";

    /// <summary>The shortest passcode a runner may set.</summary>
    public const int MinLength = 6;

    /// <summary>Wrong passcodes in a row (from anyone) before the result stops taking guesses for a while.</summary>
    public int MaxAttempts { get; set; } = 5;
    public int LockMinutes { get; set; } = 15;
}

/// <summary>What a passcode attempt came to; <c>Until</c> is set while the result takes no guesses.</summary>
public sealed record PasscodeCheck(bool Right, DateTimeOffset? Until)
{
    public bool Locked => Until is not null;
}

/// <summary>
/// The optional passcode on a share link: stored hashed; a correct entry grants that browser
/// access to that one result for 12 hours, through a protected cookie. Guesses are limited per
/// result (on top of the per-client limit): after too many wrong ones in a row the result takes
/// none for a while, whoever sends them.
/// </summary>
public sealed class SharePasscodes(IDataProtectionProvider protection, KneeResetDbContext db, BulkChanges bulk, IOptions<PasscodeOptions> options, TimeProvider clock)
{
    private static readonly PasswordHasher<StoredAssessment> Hasher = new();
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("KneeReset.SharePasscode").ToTimeLimitedDataProtector();

    public static string Hash(StoredAssessment assessment, string passcode) => Hasher.HashPassword(assessment, passcode);

    /// <summary>Checks a guess against the stored passcode, counting it against the result's limit.</summary>
    public async Task<PasscodeCheck> CheckAsync(StoredAssessment assessment, string? passcode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = await db.Assessments.AsNoTracking().Where(a => a.Id == assessment.Id)
            .Select(a => new { a.PasscodeHash, a.PasscodeLockedUntil }).FirstAsync(cancellationToken);
        if (StoredAssessment.GuessesLocked(current.PasscodeLockedUntil, now))
        {
            return new(false, current.PasscodeLockedUntil);
        }
        if (string.IsNullOrEmpty(passcode))
        {
            return new(false, null); // asked for nothing: not a guess
        }
        if (current.PasscodeHash is { } hash
            && Hasher.VerifyHashedPassword(assessment, hash, passcode) != PasswordVerificationResult.Failed)
        {
            await bulk.UpdateAsync(db.Assessments.Where(a => a.Id == assessment.Id && a.PasscodeFailures != 0), set => set.Set(a => a.PasscodeFailures, 0), cancellationToken);
            return new(true, null);
        }
        // Counted in one statement, so guesses sent in parallel cannot slip past the limit.
        await bulk.UpdateAsync(db.Assessments.Where(a => a.Id == assessment.Id), set => set.Set(a => a.PasscodeFailures, a => a.PasscodeFailures + 1), cancellationToken);
        var failures = await db.Assessments.Where(a => a.Id == assessment.Id).Select(a => a.PasscodeFailures).FirstAsync(cancellationToken);
        if (failures < options.Value.MaxAttempts)
        {
            return new(false, null);
        }
        var until = now.AddMinutes(options.Value.LockMinutes);
        await bulk.UpdateAsync(db.Assessments.Where(a => a.Id == assessment.Id),
            set => set.Set(a => a.PasscodeFailures, 0).Set(a => a.PasscodeLockedUntil, until), cancellationToken);
        return new(false, until);
    }

    public void GrantAccess(HttpContext context, StoredAssessment assessment) =>
        context.Response.Cookies.Append(CookieName(assessment), _protector.Protect(Grant(assessment), clock.GetUtcNow().AddHours(12)), new CookieOptions
        {
            HttpOnly = true,
            // The cookie policy (HostingSecurity) makes it Secure wherever HTTPS is expected.
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
