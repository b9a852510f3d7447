using System.Net;
using KneeReset.Web.Areas.Staff.Pages;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>"Forgot your password?" on the sign-in page: one answer for every address, a link by email that works once and not for long.</summary>
public sealed class ForgotPasswordTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_only_the_known_one_gets_mail()
    {
        var known = await StaffAsync("old 7 password here");
        var unknown = $"nobody@{Guid.NewGuid():N}.test";
        using var browser = app.CreateBrowser();

        using var forUnknown = await AskAsync(browser, unknown);
        using var forKnown = await AskAsync(browser, known);

        Assert.Equal(Browser.AssertRedirect(forUnknown), Browser.AssertRedirect(forKnown));
        var answer = await browser.GetPageAsync(Browser.AssertRedirect(forKnown));
        Assert.Contains(ForgotPasswordModel.Answer, answer.Body!.TextContent, StringComparison.Ordinal);
        // Queued in order: once the known address's mail is out, the unknown one's work is done too.
        await SentToAsync(known);
        Assert.Empty(app.Mail.To(unknown));
        Assert.Equal("Set a new KneeReset password", app.Mail.Single(known).Subject);
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_once_and_fails_the_second_time()
    {
        var email = await StaffAsync("old 7 password here");
        var link = await LinkAsync(email);
        using var browser = app.CreateBrowser();

        using var reset = await SetAsync(browser, link, "new 8 password for me");
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(reset));
        await browser.SignInOrFailAsync(email, "new 8 password for me");

        using var again = await SetAsync(app.CreateBrowser(), link, "third 9 password try");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(ResetPasswordModel.DeadLink, await StaffPages.ErrorsAsync(again), StringComparison.Ordinal);
        await app.CreateBrowser().SignInOrFailAsync(email, "new 8 password for me");
        var audited = await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "staff.password_reset" && a.Target == email));
        Assert.True(audited, "The reset is in the audit log.");
    }

    [Fact]
    public async Task A_weak_password_is_explained_and_the_link_still_works()
    {
        var email = await StaffAsync("old 7 password here");
        var link = await LinkAsync(email);
        using var browser = app.CreateBrowser();

        using var weak = await SetAsync(browser, link, "short1");
        Assert.Contains("Passwords must be at least 12 characters.", await StaffPages.ErrorsAsync(weak), StringComparison.Ordinal);
        using var strong = await SetAsync(browser, link, "strong 8 password now");
        Assert.Equal("/Staff/SignIn", Browser.AssertRedirect(strong));
    }

    [Fact]
    public async Task A_reset_link_does_not_open_the_invite_page()
    {
        var email = await StaffAsync("old 7 password here");
        var link = await LinkAsync(email);

        using var response = await SetAsync(app.CreateBrowser(), link.Replace("/Staff/ResetPassword", "/Staff/Invite", StringComparison.Ordinal), "invite 8 password try");

        Assert.Contains("This link is not valid any more.", await StaffPages.ErrorsAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_links_to_the_form()
    {
        using var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/Staff/SignIn");

        Assert.Equal("/Staff/ForgotPassword", page.QuerySelector("a[href='/Staff/ForgotPassword']")?.GetAttribute("href"));
    }

    private Task<string> StaffAsync(string password) => StaffAsync(app, password);

    private Task<string> LinkAsync(string email) => LinkAsync(app, email);

    internal static async Task<string> StaffAsync(KneeResetFactory app, string password)
    {
        var email = $"staff@{Guid.NewGuid():N}.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor, password);
        return email;
    }

    internal static async Task<HttpResponseMessage> AskAsync(HttpClient browser, string email) =>
        await (await HtmlForm.OpenAsync(browser, "/Staff/ForgotPassword")).Set("Input.Email", email).SubmitAsync();

    private Task SentToAsync(string email) => SentToAsync(app, email);

    private static async Task SentToAsync(KneeResetFactory app, string email) =>
        await app.Log.WaitForAsync(e => LogCollector.Text(e).Contains($"sent to \"{Mailer.MaskAddress(email)}\"", StringComparison.Ordinal));

    /// <summary>Asks for a link and reads it from the email.</summary>
    internal static async Task<string> LinkAsync(KneeResetFactory app, string email)
    {
        using var browser = app.CreateBrowser();
        using var asked = await AskAsync(browser, email);
        await SentToAsync(app, email);
        var link = SentMail.LinkIn(app.Mail.Single(email), "http://localhost");
        Assert.StartsWith("/Staff/ResetPassword?", link, StringComparison.Ordinal);
        return link;
    }

    internal static async Task<HttpResponseMessage> SetAsync(HttpClient browser, string link, string password) =>
        await (await HtmlForm.OpenAsync(browser, link)).Set("Input.Password", password).Set("Input.Confirm", password).SubmitAsync();
}
