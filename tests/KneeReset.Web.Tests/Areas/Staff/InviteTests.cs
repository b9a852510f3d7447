using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>An admin invites a staff member on the accounts page; the one-time link sets their password once.</summary>
public class InviteTests(StaffSignInApp app) : IClassFixture<StaffSignInApp>
{
    private const string DeadLinkMessage = "This link is not valid any more. Ask an admin for a new one.";

    [Fact]
    public async Task An_invited_editor_sets_a_password_once_with_the_link_and_signs_in()
    {
        var email = $"invited.{Guid.NewGuid():N}@studio.test";
        const string password = "blue heron 19 river";
        using var admin = await SignedInAdminAsync();
        var link = await InviteAsync(admin, email, StaffRoles.Editor);

        using var invitee = app.CreateBrowser();
        using var set = await (await HtmlForm.OpenAsync(invitee, link)).Set("Input.Password", password).Set("Input.Confirm", password).SubmitAsync();
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(set));

        await invitee.SignInOrFailAsync(email, password);
        await invitee.GetPageAsync("/Staff/Library/Routines");
        using var accounts = await invitee.GetAsync(new Uri("/Staff/Accounts", UriKind.Relative));
        Assert.Contains("/Staff/Denied", Browser.AssertRedirect(accounts), StringComparison.Ordinal);

        // The same link a second time: refused, and the password stays the one set first.
        using var again = app.CreateBrowser();
        using var reused = await (await HtmlForm.OpenAsync(again, link)).Set("Input.Password", "another 20 heron here").Set("Input.Confirm", "another 20 heron here").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(DeadLinkMessage, await StaffPages.ErrorsAsync(reused), StringComparison.Ordinal);
        using var oldPassword = app.CreateBrowser();
        await oldPassword.SignInOrFailAsync(email, password);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_identitys_message_and_the_link_still_works()
    {
        var email = $"weak.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(StaffRoles.Admin);
        var link = await InviteAsync(admin, email, StaffRoles.Clinician);
        using var invitee = app.CreateBrowser();

        using var weak = await (await HtmlForm.OpenAsync(invitee, link)).Set("Input.Password", "short1").Set("Input.Confirm", "short1").SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Passwords must be at least 12 characters.", await StaffPages.ErrorsAsync(weak), StringComparison.Ordinal);
        // The digit rule in words, not Identity's "('0'-'9')".
        using var noDigit = await (await HtmlForm.OpenAsync(invitee, link)).Set("Input.Password", "no digits in this one").Set("Input.Confirm", "no digits in this one").SubmitAsync();
        var noDigitErrors = await StaffPages.ErrorsAsync(noDigit);
        Assert.Contains("Use at least one digit (0 to 9) in the password.", noDigitErrors, StringComparison.Ordinal);
        Assert.DoesNotContain("'0'", noDigitErrors, StringComparison.Ordinal);
        using var strong = await (await HtmlForm.OpenAsync(invitee, link)).Set("Input.Password", "twelve plus 3 chars").Set("Input.Confirm", "twelve plus 3 chars").SubmitAsync();
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(strong));
    }

    [Fact]
    public async Task Two_different_passwords_are_refused()
    {
        var email = $"mismatch.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(StaffRoles.Admin);
        var link = await InviteAsync(admin, email, StaffRoles.Editor);
        using var invitee = app.CreateBrowser();

        using var response = await (await HtmlForm.OpenAsync(invitee, link)).Set("Input.Password", "first 1 password typed").Set("Input.Confirm", "second 2 password typed").SubmitAsync();

        Assert.Contains("Enter the same new password twice.", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_with_a_made_up_token_is_refused()
    {
        var user = await app.CreateStaffAsync($"madeup.{Guid.NewGuid():N}@studio.test", StaffRoles.Editor);
        using var client = app.CreateBrowser();

        using var response = await (await HtmlForm.OpenAsync(client, $"/Staff/Invite?user={user.Id}&token=not-a-real-token"))
            .Set("Input.Password", "some 9 good password").Set("Input.Confirm", "some 9 good password").SubmitAsync();

        Assert.Contains(DeadLinkMessage, await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_an_email_already_in_use_shows_identitys_message()
    {
        var email = $"twice.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(StaffRoles.Admin);
        await InviteAsync(admin, email, StaffRoles.Editor);

        var form = await HtmlForm.OpenAsync(admin, "/Staff/Accounts", "form[action$='handler=Invite']");
        using var response = await form.Set("Invite.Email", email).Set("Invite.Role", StaffRoles.Editor).SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Username '{email}' is already taken.", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.Null((await Browser.ParseAsync(response)).QuerySelector("input[aria-label='Set-password link']"));
    }

    [Fact]
    public async Task A_new_password_link_ends_the_earlier_one()
    {
        var email = $"relinked.{Guid.NewGuid():N}@studio.test";
        using var admin = app.SignedIn(StaffRoles.Admin);
        var first = await InviteAsync(admin, email, StaffRoles.Editor);
        var user = await app.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));

        var accounts = await admin.GetPageAsync("/Staff/Accounts");
        using var relinked = await HtmlForm.Of(admin, "/Staff/Accounts", accounts, $"form[action$='handler=Link']:has(input[name=id][value='{user.Id}'])").SubmitAsync();
        var second = new Uri((await Browser.ParseAsync(relinked)).QuerySelector("input[aria-label='Set-password link']")!.GetAttribute("value")!).PathAndQuery;
        Assert.NotEqual(first, second);

        using var invitee = app.CreateBrowser();
        using var old = await (await HtmlForm.OpenAsync(invitee, first)).Set("Input.Password", "old 4 link password").Set("Input.Confirm", "old 4 link password").SubmitAsync();
        Assert.Contains(DeadLinkMessage, await StaffPages.ErrorsAsync(old), StringComparison.Ordinal);
        using var current = await (await HtmlForm.OpenAsync(invitee, second)).Set("Input.Password", "new 4 link password").Set("Input.Confirm", "new 4 link password").SubmitAsync();
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(current));
    }

    /// <summary>Invites through the accounts page; returns the one-time link's path and query.</summary>
    internal static async Task<string> InviteAsync(HttpClient admin, string email, string role)
    {
        var form = await HtmlForm.OpenAsync(admin, "/Staff/Accounts", "form[action$='handler=Invite']");
        using var response = await form.Set("Invite.Email", email).Set("Invite.Role", role).SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var link = page.QuerySelector("input[aria-label='Set-password link']")?.GetAttribute("value");
        Assert.True(link is not null, await StaffPages.ErrorsAsync(response));
        var uri = new Uri(link);
        Assert.Equal("/Staff/Invite", uri.AbsolutePath);
        return uri.PathAndQuery;
    }

    /// <summary>The configured first admin, signed in through the page.</summary>
    private async Task<HttpClient> SignedInAdminAsync()
    {
        var client = app.CreateBrowser();
        await client.SignInOrFailAsync(StaffSignInApp.AdminEmail, StaffSignInApp.AdminPassword);
        return client;
    }
}
