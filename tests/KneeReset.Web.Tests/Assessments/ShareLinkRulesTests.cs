using KneeReset.Web.Data;

namespace KneeReset.Web.Tests.Assessments;

/// <summary>The share link's rules on the assessment itself (issue 24, finding 3): one "is it open", and what revoke, a new link and expiry do.</summary>
public sealed class ShareLinkRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_link_is_open_until_it_is_revoked_or_its_end_comes()
    {
        var link = Link(expiresAt: Now.AddDays(1));
        Assert.True(link.IsOpen(Now));
        Assert.False(link.IsOpen(Now.AddDays(1)));
        Assert.True(Link(expiresAt: null).IsOpen(DateTimeOffset.MaxValue));

        link.Revoke(Now);
        Assert.False(link.IsOpen(Now));
        Assert.Equal(Now, link.ShareEndedAt);
    }

    [Fact]
    public void A_new_link_replaces_the_old_reopens_a_revoked_one_and_gives_an_expired_one_a_fresh_period()
    {
        var revoked = Link(expiresAt: Now.AddDays(10));
        revoked.Revoke(Now);
        revoked.Replace("new-token", Now);
        Assert.Equal("new-token", revoked.Token);
        Assert.True(revoked.IsOpen(Now));
        Assert.Equal(Now.AddDays(10), revoked.ShareExpiresAt);

        var expired = Link(expiresAt: Now.AddDays(-1));
        expired.Replace("newer-token", Now);
        Assert.Equal(Now + StoredAssessment.DefaultShareLife, expired.ShareExpiresAt);
        Assert.Null(expired.ShareRevokedAt);
    }

    [Fact]
    public void Expiry_counts_from_now_or_never_comes_and_a_new_passcode_starts_the_guesses_again()
    {
        var link = Link(expiresAt: Now);
        link.ExpireAfter(TimeSpan.FromDays(7), Now);
        Assert.Equal(Now.AddDays(7), link.ShareExpiresAt);
        link.ExpireAfter(null, Now);
        Assert.Null(link.ShareExpiresAt);
        Assert.Null(link.ShareEndedAt);

        link.PasscodeFailures = 4;
        link.PasscodeLockedUntil = Now.AddMinutes(5);
        Assert.True(StoredAssessment.GuessesLocked(link.PasscodeLockedUntil, Now));
        link.SetPasscode("hash");
        Assert.Equal((0, null, "hash"), (link.PasscodeFailures, link.PasscodeLockedUntil, link.PasscodeHash));
        Assert.False(StoredAssessment.GuessesLocked(link.PasscodeLockedUntil, Now));
        link.ClearPasscode();
        Assert.Null(link.PasscodeHash);
    }

    private static StoredAssessment Link(DateTimeOffset? expiresAt) => new()
    {
        Token = "token",
        ManageToken = "manage",
        SeriesKey = "series",
        QuestionnaireVersion = "test",
        RulesVersion = "test",
        AnswersJson = "{}",
        ResultJson = "{}",
        Triage = "self_care",
        ShareExpiresAt = expiresAt,
    };
}
