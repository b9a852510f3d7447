using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>The real sign-in page: the configured first admin, wrong passwords, lockout, disabled accounts.</summary>
public class SignInTests(StaffSignInApp app) : IClassFixture<StaffSignInApp>
{
    private const string WrongMessage = "That email and password don't match an active staff account.";

    [Fact]
    public async Task The_admin_from_configuration_signs_in_and_reaches_the_page_they_asked_for()
    {
        using var client = app.CreateBrowser();
        using var asked = await client.GetAsync(new Uri("/Staff/Accounts", UriKind.Relative));
        var signInUrl = new Uri(Browser.AssertRedirect(asked)).PathAndQuery;

        var form = await HtmlForm.OpenAsync(client, signInUrl);
        using var response = await form.Set("Input.Email", StaffSignInApp.AdminEmail).Set("Input.Password", StaffSignInApp.AdminPassword).SubmitAsync();

        Assert.Equal("/Staff/Accounts", Browser.AssertRedirect(response));
        Assert.True(StaffPages.SetsStaffCookie(response));
        var home = await client.GetPageAsync("/Staff");
        Assert.Contains($"Signed in as {StaffSignInApp.AdminEmail}", home.Body!.TextContent, StringComparison.Ordinal);
        var accounts = await client.GetPageAsync("/Staff/Accounts");
        Assert.Contains(StaffSignInApp.AdminEmail, accounts.QuerySelector(".staff-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var email = $"return.{Guid.NewGuid():N}@studio.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor, "return 4 address check");
        using var client = app.CreateBrowser();

        using var response = await client.SignInAsync(email, "return 4 address check", returnUrl: "https://evil.example/Staff");

        Assert.Equal("/Staff", Browser.AssertRedirect(response));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_sets_no_cookie()
    {
        var email = $"wrong.{Guid.NewGuid():N}@studio.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor, "the right 1 password");
        using var client = app.CreateBrowser();

        using var response = await client.SignInAsync(email, "the wrong 1 password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongMessage, await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.False(StaffPages.SetsStaffCookie(response));
        using var home = await client.GetAsync(new Uri("/Staff", UriKind.Relative));
        Assert.Contains("/Staff/SignIn", Browser.AssertRedirect(home), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = app.CreateBrowser();

        using var response = await client.SignInAsync($"nobody.{Guid.NewGuid():N}@studio.test", "any 1 password at all");

        Assert.Contains(WrongMessage, await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.False(StaffPages.SetsStaffCookie(response));
    }

    [Fact]
    public async Task Five_wrong_passwords_slow_the_account_down_without_locking_its_owner_out()
    {
        var email = $"throttled.{Guid.NewGuid():N}@studio.test";
        const string password = "the right 2 password";
        await app.CreateStaffAsync(email, StaffRoles.Editor, password);
        using var attacker = app.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await attacker.SignInAsync(email, $"wrong guess {attempt}x");
            Assert.Contains(WrongMessage, await StaffPages.ErrorsAsync(wrong), StringComparison.Ordinal);
        }
        using var owner = app.CreateBrowser();

        using var tooSoon = await owner.SignInAsync(email, password);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        using var later = await owner.SignInAsync(email, password);

        Assert.Contains("Too many wrong passwords for this email: wait", await StaffPages.ErrorsAsync(tooSoon), StringComparison.Ordinal);
        Assert.False(StaffPages.SetsStaffCookie(tooSoon));
        Assert.Equal("/Staff", Browser.AssertRedirect(later));
        var user = await app.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.Null(user.LockoutEnd);
        using var admin = app.SignedIn(StaffRoles.Admin);
        var audit = (await admin.GetPageAsync("/Staff/Audit")).QuerySelector("table")!.TextContent;
        Assert.Contains("Staff sign in throttled", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_is_throttled_the_same_way_so_the_answer_reveals_nothing()
    {
        using var client = app.CreateBrowser();
        var email = $"nobody.{Guid.NewGuid():N}@studio.test";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SignInAsync(email, $"wrong guess {attempt}x");
        }

        using var sixth = await client.SignInAsync(email, "wrong guess 6x");

        Assert.Contains("Too many wrong passwords for this email: wait", await StaffPages.ErrorsAsync(sixth), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var email = $"disabled.{Guid.NewGuid():N}@studio.test";
        const string password = "the right 3 password";
        var user = await app.CreateStaffAsync(email, StaffRoles.Editor, password);
        using var admin = app.SignedIn(StaffRoles.Admin);

        var accounts = await admin.GetPageAsync("/Staff/Accounts");
        using var disabled = await HtmlForm.Of(admin, "/Staff/Accounts", accounts, $"form[action$='handler=Disable']:has(input[name=id][value='{user.Id}'])").SubmitAsync();
        Assert.Equal("/Staff/Accounts", Browser.AssertRedirect(disabled));

        using var client = app.CreateBrowser();
        using var response = await client.SignInAsync(email, password);

        Assert.Contains(WrongMessage, await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.False(StaffPages.SetsStaffCookie(response));
        var row = (await admin.GetPageAsync("/Staff/Accounts")).QuerySelectorAll(".staff-table tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Disabled", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var email = $"signout.{Guid.NewGuid():N}@studio.test";
        await app.CreateStaffAsync(email, StaffRoles.Clinician, "the right 5 password");
        using var client = app.CreateBrowser();
        await client.SignInOrFailAsync(email, "the right 5 password");
        await client.GetPageAsync("/Staff");

        using var signedOut = await (await HtmlForm.OpenAsync(client, "/Staff/SignOut")).SubmitAsync();

        Assert.Equal("/", Browser.AssertRedirect(signedOut));
        using var home = await client.GetAsync(new Uri("/Staff", UriKind.Relative));
        Assert.Contains("/Staff/SignIn", Browser.AssertRedirect(home), StringComparison.Ordinal);
    }
}
