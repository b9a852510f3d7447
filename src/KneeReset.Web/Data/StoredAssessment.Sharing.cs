namespace KneeReset.Web.Data;

/// <summary>
/// The share link's rules, here and only here: whether it is open, revoke, a new link, expiry and
/// the passcode (pages change them through <see cref="Assessments.ShareLinks"/>). A change takes
/// effect on the next visit to /r/{token}: the result page's cache asks <see cref="IsOpen(DateTimeOffset)"/>
/// before any lookup (Caching/ResultPagePolicy), and the commit forgets the kept link states and
/// the series' cached pages (Caching/EvictionTable).
/// </summary>
public sealed partial class StoredAssessment
{
    /// <summary>How long a new share link works until the runner changes it.</summary>
    public static readonly TimeSpan DefaultShareLife = TimeSpan.FromDays(90);

    /// <summary>Whether the share link answers at <paramref name="now"/>: not revoked, not expired.</summary>
    public bool IsOpen(DateTimeOffset now) => IsOpen(ShareRevoked, ShareExpiresAt, now);

    /// <summary>The one rule, for callers that read only these two columns (the result page's cache).</summary>
    public static bool IsOpen(bool revoked, DateTimeOffset? expiresAt, DateTimeOffset now) => !revoked && (expiresAt is null || expiresAt > now);

    /// <summary>When the share link stopped working (revoked or expired); null while it has no end. Retention counts from here.</summary>
    public DateTimeOffset? ShareEndedAt => ShareEnded(ShareRevoked, ShareRevokedAt, ShareExpiresAt);

    public static DateTimeOffset? ShareEnded(bool revoked, DateTimeOffset? revokedAt, DateTimeOffset? expiresAt) => revoked ? revokedAt : expiresAt;

    /// <summary>The link stops working now; the result stays for the runner.</summary>
    public void Revoke(DateTimeOffset now)
    {
        ShareRevoked = true;
        ShareRevokedAt = now;
    }

    /// <summary>A new link replaces the old one, which stops working; one made to replace an expired link starts a fresh period.</summary>
    public void Replace(string newToken, DateTimeOffset now)
    {
        Token = newToken;
        ShareRevoked = false;
        ShareRevokedAt = null;
        ShareExpiresAt = NewLinkExpiresAt(now);
    }

    /// <summary>When a new link made at <paramref name="now"/> would stop (<see cref="Replace"/>): the current end, or a fresh period once that has passed; null for no end.</summary>
    public DateTimeOffset? NewLinkExpiresAt(DateTimeOffset now) => ShareExpiresAt <= now ? now + DefaultShareLife : ShareExpiresAt;

    /// <summary>The link works for <paramref name="life"/> from now, or without end (null).</summary>
    public void ExpireAfter(TimeSpan? life, DateTimeOffset now) => ShareExpiresAt = life is { } l ? now + l : null;

    /// <summary>A new passcode: guesses start again from none.</summary>
    public void SetPasscode(string hash)
    {
        PasscodeHash = hash;
        PasscodeFailures = 0;
        PasscodeLockedUntil = null;
    }

    public void ClearPasscode() => PasscodeHash = null;

    /// <summary>
    /// A re-take takes over the series' share link from the check that held it: the same token (the
    /// clinician's link keeps working and now opens the newest check, the others in its history), the
    /// same passcode and guess count, the same end date, revoked or not as it was: a re-take is not a
    /// new decision to share, so nothing opens up or lasts longer. The earlier check keeps its own
    /// settings under <paramref name="freshTokenForHolder"/>, a link never shown to anyone.
    /// </summary>
    public void TakeOverShareLink(StoredAssessment holder, string freshTokenForHolder)
    {
        Token = holder.Token;
        holder.Token = freshTokenForHolder;
        ShareExpiresAt = holder.ShareExpiresAt;
        ShareRevoked = holder.ShareRevoked;
        ShareRevokedAt = holder.ShareRevokedAt;
        PasscodeHash = holder.PasscodeHash;
        PasscodeFailures = holder.PasscodeFailures;
        PasscodeLockedUntil = holder.PasscodeLockedUntil;
    }

    /// <summary>Whether the passcode takes no guesses at <paramref name="now"/> (too many wrong ones in a row).</summary>
    public static bool GuessesLocked(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil > now;
}
