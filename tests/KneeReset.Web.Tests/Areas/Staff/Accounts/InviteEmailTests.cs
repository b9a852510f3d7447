using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff.Accounts;

/// <summary>An invite, or a new set-password link, is emailed to the account's address; the admin still sees the link.</summary>
public sealed class InviteEmailTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_invite_arrives_by_email_with_a_link_that_sets_the_password()
    {
        var email = $"invited.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(StaffRoles.Admin);

        var shown = await InviteTests.InviteAsync(admin, email, StaffRoles.Editor);

        var message = app.Mail.Single(email);
        Assert.Equal("You're invited to the KneeReset staff area", message.Subject);
        var link = SentMail.LinkIn(message, "http://localhost");
        Assert.Equal(shown, link);
        using var invitee = app.CreateBrowser();
        using var set = await (await HtmlForm.OpenAsync(invitee, link)).Set("Input.Password", "mailed 6 invite works").Set("Input.Confirm", "mailed 6 invite works").SubmitAsync();
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(set));
        await invitee.SignInOrFailAsync(email, "mailed 6 invite works");
    }

    [Fact]
    public async Task The_accounts_page_says_where_the_link_was_emailed()
    {
        var email = $"told.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(StaffRoles.Admin);

        var form = await HtmlForm.OpenAsync(admin, "/Staff/Accounts", "form[action$='handler=Invite']");
        using var response = await form.Set("Invite.Email", email).Set("Invite.Role", StaffRoles.Clinician).SubmitAsync();

        var page = await Browser.ParseAsync(response);
        Assert.Equal($"Set-password link emailed to {email}", page.QuerySelector("[role=status] h2")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_new_link_for_an_account_is_emailed_and_the_earlier_one_dies()
    {
        var email = $"relink.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(StaffRoles.Admin);
        var first = await InviteTests.InviteAsync(admin, email, StaffRoles.Editor);
        var user = await app.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));

        var accounts = await admin.GetPageAsync("/Staff/Accounts");
        using var relinked = await HtmlForm.Of(admin, "/Staff/Accounts", accounts, $"form[action$='handler=Link']:has(input[name=id][value='{user.Id}'])").SubmitAsync();

        var mails = app.Mail.To(email);
        Assert.Equal(2, mails.Count);
        var second = SentMail.LinkIn(mails[1], "http://localhost");
        Assert.NotEqual(first, second);
        using var invitee = app.CreateBrowser();
        using var current = await (await HtmlForm.OpenAsync(invitee, second)).Set("Input.Password", "second 6 link works").Set("Input.Confirm", "second 6 link works").SubmitAsync();
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(current));
    }
}
