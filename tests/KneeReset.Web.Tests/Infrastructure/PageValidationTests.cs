using System.Net;
using AngleSharp.Html.Dom;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// FluentValidation.AspNetCore 11.3.1 running on FluentValidation 12: each page's validator fills
/// ModelState before the handler runs, so an invalid form comes back with the summary and the
/// field's own message, and nothing is saved.
/// </summary>
public class PageValidationTests(StaffSignInApp app) : IClassFixture<StaffSignInApp>
{
    [Fact]
    public async Task An_invalid_session_log_comes_back_with_the_summary_and_field_messages_and_is_not_stored()
    {
        using var client = app.CreateBrowser();
        var before = await app.QueryAsync(db => db.RoutineSessions.CountAsync());

        using var response = await client.SubmitAsync("/routines/core-stability/play", null, ("Input.PainUsual", "2"), ("Input.Feeling", "bored"));

        var page = await InvalidPageAsync(response);
        Assert.Contains("Choose how much it hurt during the session, 0 to 10.", Summary(page), StringComparison.Ordinal);
        Assert.Equal("Choose how much it hurt during the session, 0 to 10.", FieldMessage(page, "Input.PainDuring"));
        Assert.Equal("Choose easy, about right or too hard.", FieldMessage(page, "Input.Feeling"));
        Assert.Equal(before, await app.QueryAsync(db => db.RoutineSessions.CountAsync()));
    }

    [Fact]
    public async Task Invalid_share_settings_come_back_with_the_summary_and_change_nothing()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var token = RunnerResults.TokenOf(manage);

        using var response = await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Passcode", "abc"), ("Sharing.Nickname", new string('n', 41)));

        var summary = Summary(await InvalidPageAsync(response));
        Assert.Contains("A passcode needs", summary, StringComparison.Ordinal);
        Assert.Contains("Keep the nickname under 40 characters.", summary, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.Assessments.Where(a => a.ManageToken == token).Select(a => new { a.PasscodeHash, a.Nickname }).SingleAsync());
        Assert.Equal((null, null), (stored.PasscodeHash, stored.Nickname));
    }

    [Fact]
    public async Task An_empty_sign_in_names_both_missing_fields_and_signs_no_one_in()
    {
        using var client = app.CreateBrowser();

        using var response = await client.SignInAsync("", "");

        var summary = Summary(await InvalidPageAsync(response));
        Assert.Contains("Enter your email address.", summary, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", summary, StringComparison.Ordinal);
        Assert.False(StaffPages.SetsStaffCookie(response));
    }

    [Fact]
    public async Task An_invite_with_a_bad_email_is_refused_and_creates_no_account()
    {
        using var admin = app.SignedIn(StaffRoles.Admin);
        var users = await app.QueryAsync(db => db.Users.CountAsync());

        using var response = await RunnerResults.PostFormAsync(admin, "/Staff/Accounts", "Invite", ("Invite.Email", "not-an-email"));

        Assert.Contains("That doesn't look like an email address.", Summary(await InvalidPageAsync(response)), StringComparison.Ordinal);
        Assert.Equal(users, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_empty_clinician_plan_is_refused_and_the_passcode_form_is_not_checked_against_it()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        using var plan = await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Note", ""));

        Assert.Contains("Choose at least one routine or write a note.", Summary(await InvalidPageAsync(plan)), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.ClinicianPlans.CountAsync(p => p.Assessment.Token == RunnerResults.TokenOf(share))));

        // Another form on the same page binds no plan, so the plan's rules don't speak there.
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Passcode", "blue-heron"));
        using var stranger = app.CreateBrowser();
        using var wrong = await RunnerResults.PostFormAsync(stranger, share, "Passcode", ("passcode", "wrong-guess"));
        var summary = Summary(await InvalidPageAsync(wrong));
        Assert.Contains("That passcode isn't right.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("routine", summary, StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> InvalidPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Browser.ParseAsync(response);
    }

    private static string Summary(IHtmlDocument page) =>
        page.QuerySelector(".error-summary[role=alert]")?.TextContent ?? "(no error summary)";

    /// <summary>The message asp-validation-for writes beside a field.</summary>
    private static string? FieldMessage(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
}
