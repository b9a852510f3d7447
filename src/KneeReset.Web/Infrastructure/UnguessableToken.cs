using System.Buffers.Text;
using System.Security.Cryptography;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// Unguessable URL-safe values (share and manage links, draft ids, series keys, session links): 144 random bits from the OS CSPRNG, base64url (24 characters).
/// </summary>
public static class UnguessableToken
{
    public const int RandomBytes = 18;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>A cheap shape check before any database look-up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 24 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
