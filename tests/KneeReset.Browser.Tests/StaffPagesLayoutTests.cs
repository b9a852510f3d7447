using System.Text.Json;
using System.Text.RegularExpressions;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// Every staff and clinician page, walked as staff and a clinician walk them on a phone, passes
/// <see cref="PageChecks"/> at 390 and 320 px (axe, no sideways scroll), and every control a
/// finger uses is at least 44 x 44 px.
/// </summary>
[Collection(SecondBrowser.Name)]
public partial class StaffPagesLayoutTests(BrowserApp app)
{
    private const string ClinicianEmail = "layout-physio@studio.test";
    private const string ClinicianPassword = "quadriceps lag 31 tracking";
    private const string NewcomerEmail = "layout-newcomer@studio.test";

    [ChromiumFact]
    public async Task The_library_accounts_audit_and_the_clinicians_view_fit_a_phone_with_fingertip_targets()
    {
        await CreateClinicianAsync();
        var (context, page, errors) = await app.NewPageAsync();
        await using var _ = context;
        var checks = new PageChecks();

        async Task CheckAsync(string label)
        {
            await checks.CheckAsync(page, label, tapTargets: true);
        }

        await page.GotoAsync("/Staff/SignIn");
        await CheckAsync("sign-in");
        await page.ClickAsync("main a:has-text('Forgot your password?')");
        await CheckAsync("forgot password");
        // The two pages an emailed link opens: an invite's set-password page and a reset.
        var (invite, reset) = await NewcomerLinksAsync();
        await page.GotoAsync(invite);
        await Assertions.Expect(page.Locator("input[type=password]").First).ToBeVisibleAsync();
        await CheckAsync("invite: set a password");
        await page.GotoAsync(reset);
        await Assertions.Expect(page.Locator("input[type=password]").First).ToBeVisibleAsync();
        await CheckAsync("reset password");
        await SignInAsync(page, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.GotoAsync("/Staff");
        await CheckAsync("staff home");

        await page.GotoAsync("/Staff/Library/Routines");
        await CheckAsync("routines");
        await page.ClickAsync("main table a:has-text('Core stability')");
        await CheckAsync("routine editor");
        // A second version, so history has something to compare.
        await page.FillAsync("textarea[name='Input.Summary']", "A steadier trunk for steadier knees, in ten minutes.");
        await page.ClickAsync("button:text-is('Save')");
        await Assertions.Expect(page.Locator(".banner[role=status]")).ToContainTextAsync("Saved as version");
        var editor = page.Url;
        await page.ClickAsync("main a:text-is('Preview')");
        await CheckAsync("routine preview");
        await page.GotoAsync(editor);
        await page.ClickAsync("main a:text-is('History')");
        await CheckAsync("routine history");
        await page.ClickAsync("main button:has-text('Compare')");
        await CheckAsync("routine compare");

        await page.GotoAsync("/Staff/Library/Exercises");
        await CheckAsync("exercises");
        await page.ClickAsync("main table a >> nth=0");
        await CheckAsync("exercise editor");
        await page.GotoAsync("/Staff/Library/Transfer");
        await CheckAsync("library transfer");
        await page.GotoAsync("/Staff/Accounts");
        await CheckAsync("accounts");
        await page.GotoAsync("/Staff/Audit");
        await CheckAsync("audit");

        // A clinician opens a runner's shared link.
        var created = await context.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new
            {
                answers = new Dictionary<string, object>
                {
                    ["location"] = new[] { "front_kneecap", "outer_side" },
                    ["onset"] = "gradual",
                    ["worst_pain"] = 5,
                    ["red_flags"] = Array.Empty<string>(),
                    ["aggravators"] = new[] { "stairs_down", "prolonged_sitting", "downhill" },
                },
            },
        });
        await page.GotoAsync(JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!);
        var shareUrl = await page.InputValueAsync("#share-url");
        await page.GotoAsync("/Staff/SignOut");
        await page.ClickAsync("main button:has-text('Sign out')");
        await SignInAsync(page, ClinicianEmail, ClinicianPassword);
        await page.GotoAsync("/Staff");
        await CheckAsync("clinician's staff home");
        await page.GotoAsync(shareUrl);
        await Assertions.Expect(page.Locator("#clinical-title")).ToHaveTextAsync("Clinical view");
        await CheckAsync("clinical view");
        await page.ClickAsync("main button:text-is('Add to My runners')");
        await page.ClickAsync("main .clinical a:text-is('My runners')");
        await Assertions.Expect(page.Locator("table.runners tbody tr")).ToHaveCountAsync(1);
        await CheckAsync("my runners");

        checks.AssertNone();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Staff/SignIn");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button:has-text('Sign in')");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Staff/SignIn"));
    }

    /// <summary>An invite link and a forgot-password link for a new account, as the emails carry them.</summary>
    private async Task<(string Invite, string Reset)> NewcomerLinksAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(NewcomerEmail);
        if (user is null)
        {
            (user, var problems) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(NewcomerEmail, "Layout newcomer", StaffRoles.Editor, "test");
            Assert.True(user is not null, string.Join(" ", problems));
        }
        var invite = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().InvitePathAsync(user, "test");
        var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, ForgottenPasswords.Purpose);
        return (invite, ForgottenPasswords.ResetPath(user.Id, token));
    }

    private async Task CreateClinicianAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(ClinicianEmail) is not null)
        {
            return;
        }
        var (user, problems) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(ClinicianEmail, "Layout physio", StaffRoles.Clinician, "test");
        Assert.True(user is not null, string.Join(" ", problems));
        Assert.True((await users.AddPasswordAsync(user, ClinicianPassword)).Succeeded);
    }
}
