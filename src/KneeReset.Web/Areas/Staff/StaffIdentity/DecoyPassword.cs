using System.Security.Cryptography;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace KneeReset.Web.Areas.Staff.StaffIdentity;

/// <summary>
/// A password hash to check when a sign-in has no account's own hash to check (an unknown email, a
/// disabled account, an invited one whose password is not set yet). Every attempt then costs one
/// hash verification, the bulk of a sign-in's work, so its time does not tell which emails exist.
/// </summary>
public sealed class DecoyPassword(IPasswordHasher<StaffUser> hasher)
{
    // One hash of a random password for the process, made with the app's hasher (its settings).
    private static readonly Lock Made = new();
    private static string? s_hash;

    /// <summary>Checks <paramref name="password"/> against the decoy; it never matches.</summary>
    public void Check(string password)
    {
        string hash;
        lock (Made)
        {
            hash = s_hash ??= hasher.HashPassword(new StaffUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        hasher.VerifyHashedPassword(new StaffUser(), hash, password);
    }
}
