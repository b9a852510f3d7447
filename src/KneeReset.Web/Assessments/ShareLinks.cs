using System.Globalization;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Assessments;

/// <summary>
/// What the runner's private page (/m/{token}) does to their share link: each call finds the
/// assessment by its private token, applies the rule on <see cref="StoredAssessment"/> and saves.
/// Nothing here forgets a cache: the save's commit does (Caching/CacheEviction), and the next visit
/// to the link sees the change. Each returns false when no assessment has that private token.
/// </summary>
public sealed class ShareLinks(KneeResetDbContext db, TimeProvider clock)
{
    /// <summary>How long a link may work, as the page offers it; "never" has no end.</summary>
    public static readonly (string Value, string Label)[] ExpiryChoices = [("7", "For 7 days"), ("30", "For 30 days"), ("90", "For 90 days"), ("never", "With no end")];

    public static bool IsExpiryChoice(string? value) => ExpiryChoices.Any(c => c.Value == value);

    public Task<bool> RevokeAsync(string manageToken, CancellationToken cancellationToken) =>
        ChangeAsync(manageToken, a => a.Revoke(clock.GetUtcNow()), cancellationToken);

    public Task<bool> ReplaceAsync(string manageToken, CancellationToken cancellationToken) =>
        ChangeAsync(manageToken, a => a.Replace(UnguessableToken.New(), clock.GetUtcNow()), cancellationToken);

    public Task<bool> ClearPasscodeAsync(string manageToken, CancellationToken cancellationToken) =>
        ChangeAsync(manageToken, a => a.ClearPasscode(), cancellationToken);

    /// <param name="expiry">One of <see cref="ExpiryChoices"/>, or null to leave it.</param>
    /// <param name="passcode">A new passcode, or empty to leave it.</param>
    public Task<bool> SaveSettingsAsync(string manageToken, string? expiry, string? passcode, string? nickname, CancellationToken cancellationToken) =>
        ChangeAsync(manageToken, a =>
        {
            if (expiry is not null)
            {
                a.ExpireAfter(expiry == "never" ? null : TimeSpan.FromDays(int.Parse(expiry, CultureInfo.InvariantCulture)), clock.GetUtcNow());
            }
            if (!string.IsNullOrEmpty(passcode))
            {
                a.SetPasscode(SharePasscodes.Hash(a, passcode));
            }
            a.Nickname = string.IsNullOrWhiteSpace(nickname) ? null : nickname.Trim();
        }, cancellationToken);

    private async Task<bool> ChangeAsync(string manageToken, Action<StoredAssessment> change, CancellationToken cancellationToken)
    {
        var assessment = UnguessableToken.LooksValid(manageToken)
            ? await db.Assessments.FirstOrDefaultAsync(a => a.ManageToken == manageToken, cancellationToken)
            : null;
        if (assessment is null)
        {
            return false;
        }
        change(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
