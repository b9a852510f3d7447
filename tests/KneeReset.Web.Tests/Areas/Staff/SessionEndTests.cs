using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>
/// Signing out and disabling an account end the session on the server at once: a copy of the
/// cookie taken before stops working on its next request (issue 9, finding 3).
/// </summary>
public class SessionEndTests(StaffSignInApp app) : IClassFixture<StaffSignInApp>
{
    [Fact]
    public async Task A_copied_cookie_stops_working_once_its_owner_signs_out()
    {
        var (owner, copy) = await SignInWithCopyAsync(StaffRoles.Clinician);

        using var signedOut = await (await HtmlForm.OpenAsync(owner, "/Staff/SignOut")).SubmitAsync();
        Browser.AssertRedirect(signedOut);

        Assert.Contains("/Staff/SignIn", await StatusOrRedirectAsync(copy), StringComparison.Ordinal);
        owner.Dispose();
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_at_once()
    {
        var email = $"disable.now.{Guid.NewGuid():N}@studio.test";
        var (owner, copy) = await SignInWithCopyAsync(StaffRoles.Editor, email);
        var user = await app.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        using var admin = app.SignedIn(StaffRoles.Admin);
        var accounts = await admin.GetPageAsync("/Staff/Accounts");

        using var disabled = await HtmlForm.Of(admin, "/Staff/Accounts", accounts, $"form[action$='handler=Disable']:has(input[name=id][value='{user.Id}'])").SubmitAsync();
        Browser.AssertRedirect(disabled);

        // No clock moves: the very next request is refused, from the owner's browser and from the copy.
        using var own = await owner.GetAsync(new Uri("/Staff/Library/Routines", UriKind.Relative));
        Assert.Contains("/Staff/SignIn", Browser.AssertRedirect(own), StringComparison.Ordinal);
        Assert.Contains("/Staff/SignIn", await StatusOrRedirectAsync(copy), StringComparison.Ordinal);
        owner.Dispose();
    }

    /// <summary>A signed-in browser, and the sign-in cookie copied out of it as a header value (shown to work).</summary>
    private async Task<(HttpClient Owner, string Cookie)> SignInWithCopyAsync(string role, string? email = null)
    {
        email ??= $"copy.{Guid.NewGuid():N}@studio.test";
        const string password = "copied cookie 7 password";
        await app.CreateStaffAsync(email, role, password);
        var owner = app.CreateBrowser();
        using var signedIn = await owner.SignInAsync(email, password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffPages.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal("200", await StatusOrRedirectAsync(cookie));
        return (owner, cookie);
    }

    /// <summary>GET /Staff from a fresh browser carrying only <paramref name="cookie"/>: "200", or where it is sent.</summary>
    private async Task<string> StatusOrRedirectAsync(string cookie)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Staff", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK ? "200" : response.Headers.Location?.OriginalString ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
