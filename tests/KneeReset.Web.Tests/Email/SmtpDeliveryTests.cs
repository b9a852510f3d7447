namespace KneeReset.Web.Tests.Email;

/// <summary>With Email:SmtpHost set, mail goes through a real SMTP conversation (MailKit to an in-process server).</summary>
public sealed class SmtpDeliveryTests(SmtpDeliveryTests.SmtpApp app) : IClassFixture<SmtpDeliveryTests.SmtpApp>
{
    [Fact]
    public async Task The_runners_private_link_is_sent_over_smtp()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var address = $"smtp.{Guid.NewGuid():N}@mail.test";

        using var sent = await (await HtmlForm.OpenAsync(runner, manage, "form[action$='/email']")).Set("Input.Email", address).SubmitAsync();

        Assert.Equal(manage, Browser.AssertRedirect(sent));
        var message = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == address));
        Assert.Equal("knee@studio.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("Your KneeReset private link", message.Subject);
        Assert.Equal(manage, SentMail.LinkIn(message, "http://localhost"));
        Assert.Empty(app.Mail.All());
        await RunnerEmailTests.AssertKeptNowhereAsync(app, address, manage);
    }

    [Fact]
    public async Task A_staff_invite_is_sent_over_smtp()
    {
        var email = $"smtp.invite.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(KneeReset.Web.Areas.Staff.StaffIdentity.StaffRoles.Admin);

        var shown = await KneeReset.Web.Tests.Areas.Staff.InviteTests.InviteAsync(admin, email, KneeReset.Web.Areas.Staff.StaffIdentity.StaffRoles.Editor);

        var message = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == email));
        Assert.Equal(shown, SentMail.LinkIn(message, "http://localhost"));
    }

    public sealed class SmtpApp : KneeResetFactory
    {
        public SmtpApp() : this(new InProcessSmtp())
        {
        }

        private SmtpApp(InProcessSmtp smtp) : base(smtp.Settings) => Smtp = smtp;

        public InProcessSmtp Smtp { get; }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Smtp.Dispose();
        }
    }
}
