using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff.Accounts;

/// <summary>The accounts page: roles, disabling, new links; every change audited.</summary>
public class IndexTests(StaffSignInApp app) : IClassFixture<StaffSignInApp>
{
    [Fact]
    public async Task A_role_changed_on_the_page_takes_effect_at_the_next_sign_in_and_ends_the_old_session()
    {
        var email = $"rerole.{Guid.NewGuid():N}@studio.test";
        const string password = "meadow lark 88 song";
        var user = await app.CreateStaffAsync(email, StaffRoles.Editor, password);
        using var editor = app.CreateBrowser();
        await editor.SignInOrFailAsync(email, password);
        await editor.GetPageAsync("/Staff/Library/Routines");

        using var admin = app.SignedIn(StaffRoles.Admin, "role.changer@studio.test");
        var accounts = await admin.GetPageAsync("/Staff/Accounts");
        using var changed = await HtmlForm.Of(admin, "/Staff/Accounts", accounts, $"form[action$='handler=Role']:has(input[name=id][value='{user.Id}'])")
            .Set("role", StaffRoles.Clinician).SubmitAsync();
        Assert.Equal("/Staff/Accounts", Browser.AssertRedirect(changed));

        var row = HtmlForm.Of(admin, "/Staff/Accounts", await admin.GetPageAsync("/Staff/Accounts"), $"form[action$='handler=Role']:has(input[name=id][value='{user.Id}'])");
        Assert.Equal(StaffRoles.Clinician, row.Value("role"));
        using var signedInAgain = app.CreateBrowser();
        await signedInAgain.SignInOrFailAsync(email, password);
        await signedInAgain.GetPageAsync("/Staff");
        using var library = await signedInAgain.GetAsync(new Uri("/Staff/Library/Routines", UriKind.Relative));
        Assert.Contains("/Staff/Denied", Browser.AssertRedirect(library), StringComparison.Ordinal);

        // The session from before the change ends once the security stamp is checked again (every minute).
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var oldSession = await editor.GetAsync(new Uri("/Staff/Library/Routines", UriKind.Relative));
        Assert.Contains("/Staff/SignIn", Browser.AssertRedirect(oldSession), StringComparison.Ordinal);

        var audit = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Target == email && a.Action == "staff.role_changed").SingleAsync());
        Assert.Equal(("role.changer@studio.test", "Editor -> Clinician"), (audit.Actor, audit.Details));
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        using var admin = app.CreateBrowser();
        await admin.SignInOrFailAsync(StaffSignInApp.AdminEmail, StaffSignInApp.AdminPassword);
        var accounts = await admin.GetPageAsync("/Staff/Accounts");
        var ownId = await app.QueryAsync(db => db.Users.Where(u => u.Email == StaffSignInApp.AdminEmail).Select(u => u.Id).SingleAsync());

        using var response = await HtmlForm.Of(admin, "/Staff/Accounts", accounts, $"form[action$='handler=Disable']:has(input[name=id][value='{ownId}'])").SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You can't disable your own account.", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Users.Where(u => u.Id == ownId).Select(u => u.Disabled).SingleAsync()));
    }

    [Fact]
    public async Task A_new_password_link_replaces_a_lost_one()
    {
        var email = $"lost.{Guid.NewGuid():N}@studio.test";
        var user = await app.CreateStaffAsync(email, StaffRoles.Editor, "first 1 password set");
        using var admin = app.SignedIn(StaffRoles.Admin);
        var accounts = await admin.GetPageAsync("/Staff/Accounts");

        using var response = await HtmlForm.Of(admin, "/Staff/Accounts", accounts, $"form[action$='handler=Link']:has(input[name=id][value='{user.Id}'])").SubmitAsync();

        var link = new Uri((await Browser.ParseAsync(response)).QuerySelector("input[aria-label='Set-password link']")!.GetAttribute("value")!).PathAndQuery;
        using var client = app.CreateBrowser();
        using var set = await (await HtmlForm.OpenAsync(client, link)).Set("Input.Password", "second 2 password set").Set("Input.Confirm", "second 2 password set").SubmitAsync();
        Browser.AssertRedirect(set);
        await client.SignInOrFailAsync(email, "second 2 password set");
    }
}
