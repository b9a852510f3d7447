using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Runners;

/// <summary>The opt-in email on My runners: one per escalation to each opted-in clinician who follows the runner.</summary>
public sealed class EscalationEmailTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task An_escalation_emails_each_opted_in_follower_once_with_the_shared_link_and_keeps_the_token_out_of_the_log()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        var (first, firstEmail) = await ClinicianAsync(optIn: true);
        var (silent, silentEmail) = await ClinicianAsync(optIn: false);
        await IndexTests.FollowAsync(first, share);
        await IndexTests.FollowAsync(silent, share);

        await IndexTests.LogSessionAsync(app, runner, manage, painDuring: 8);
        await SentToAsync(firstEmail);

        var mail = app.Mail.Single(firstEmail);
        Assert.Equal("A runner you follow should see a clinician", mail.Subject);
        Assert.Equal(share, SentMail.LinkIn(mail, "http://localhost"));
        Assert.Contains("8/10", mail.TextBody, StringComparison.Ordinal);

        // A later clinician who opts in gets this escalation once; the first clinician not again.
        var (later, laterEmail) = await ClinicianAsync(optIn: true);
        await IndexTests.FollowAsync(later, share);
        await IndexTests.LogSessionAsync(app, runner, manage, painDuring: 9);
        await SentToAsync(laterEmail);

        Assert.Single(app.Mail.To(firstEmail));
        Assert.Empty(app.Mail.To(silentEmail));
        Assert.DoesNotContain(app.Log.Events, e => LogCollector.Text(e).Contains(RunnerResults.TokenOf(share), StringComparison.Ordinal));
        first.Dispose();
        silent.Dispose();
        later.Dispose();
    }

    [Fact]
    public async Task No_email_goes_out_for_a_link_the_runner_revoked()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        var (revoked, revokedEmail) = await ClinicianAsync(optIn: true);
        await IndexTests.FollowAsync(revoked, share);
        await RunnerResults.PostFormAsync(runner, manage, "Revoke");
        // A second runner, still shared, whose email marks when the queue has passed the first one's.
        using var other = app.CreateBrowser();
        var (otherShare, otherManage) = await RunnerResults.CreateAsync(other);
        var (witness, witnessEmail) = await ClinicianAsync(optIn: true);
        await IndexTests.FollowAsync(witness, otherShare);

        await IndexTests.LogSessionAsync(app, runner, manage, painDuring: 8);
        await IndexTests.LogSessionAsync(app, other, otherManage, painDuring: 8);
        await SentToAsync(witnessEmail);

        Assert.Empty(app.Mail.To(revokedEmail));
        revoked.Dispose();
        witness.Dispose();
    }

    [Fact]
    public async Task Ticking_the_box_is_remembered_and_audited()
    {
        var (clinician, email) = await ClinicianAsync(optIn: true);

        var page = await clinician.GetPageAsync("/Staff/Runners");

        Assert.NotNull(page.QuerySelector("input[name='emailOnEscalation'][checked]"));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "runners.email_on" && a.Actor == email)));
        clinician.Dispose();
    }

    /// <summary>A clinician with a real account (mail goes to its address), signed in, with the box ticked or not.</summary>
    private async Task<(HttpClient Client, string Email)> ClinicianAsync(bool optIn)
    {
        var email = IndexTests.NewClinician();
        await app.CreateStaffAsync(email, StaffRoles.Clinician);
        var client = app.SignedIn(StaffRoles.Clinician, email);
        if (optIn)
        {
            var form = await HtmlForm.OpenAsync(client, "/Staff/Runners", "form[action*='handler=Email']");
            using var saved = await form.Set("emailOnEscalation", "true").SubmitAsync();
            Browser.AssertRedirect(saved);
        }
        return (client, email);
    }

    private async Task SentToAsync(string email) =>
        await app.Log.WaitForAsync(e => LogCollector.Text(e).Contains($"sent to \"{Mailer.MaskAddress(email)}\"", StringComparison.Ordinal));
}
