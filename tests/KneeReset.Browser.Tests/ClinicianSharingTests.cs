using System.Text.Json;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

[Collection(SecondBrowser.Name)]
public class ClinicianSharingTests(BrowserApp app)
{
    private const string ClinicianEmail = "physio@studio.test";
    private const string ClinicianPassword = "patella tendon 77 kinetics";

    [ChromiumFact]
    public async Task A_runner_shares_a_link_a_clinician_adds_a_plan_and_the_runner_sees_it()
    {
        await CreateClinicianAsync();
        var (runnerContext, runner, runnerErrors) = await app.NewPageAsync();
        await using var _ = runnerContext;
        var (clinicianContext, clinician, clinicianErrors) = await app.NewPageAsync();
        await using var __ = clinicianContext;

        // The runner completes a check (through the API for speed) and opens their private page.
        var created = await runnerContext.APIRequest.PostAsync("/api/assessments", new APIRequestContextOptions
        {
            DataObject = new
            {
                answers = new Dictionary<string, object>
                {
                    ["location"] = new[] { "front_kneecap" },
                    ["onset"] = "gradual",
                    ["worst_pain"] = 4,
                    ["red_flags"] = Array.Empty<string>(),
                    ["aggravators"] = new[] { "stairs_down", "prolonged_sitting" },
                },
            },
        });
        var manageUrl = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("manageUrl").GetString()!;
        await runner.GotoAsync(manageUrl);
        var shareUrl = await runner.InputValueAsync("#share-url");
        await Assertions.Expect(runner.Locator(".qr svg")).ToBeVisibleAsync();
        // Printing for a clinician goes through the share page, never the private one (issue 27, item 6).
        await Assertions.Expect(runner.Locator("a:text-is('Print for a clinician')")).ToBeVisibleAsync();

        // The clinician signs in and opens the shared link.
        await clinician.GotoAsync("/Staff/SignIn");
        await clinician.FillAsync("input[name='Input.Email']", ClinicianEmail);
        await clinician.FillAsync("input[name='Input.Password']", ClinicianPassword);
        await clinician.ClickAsync("button:has-text('Sign in')");
        await clinician.GotoAsync(shareUrl);
        await Assertions.Expect(clinician.Locator("#clinical-title")).ToHaveTextAsync("Clinical view");
        await Assertions.Expect(clinician.Locator(".clinical table.answers")).ToContainTextAsync("stairs_down");
        // Outcomes in words, each triage reason linked to its rule (issue 11, item 13).
        await Assertions.Expect(clinician.Locator(".clinical .meta strong")).ToHaveTextAsync("Self-care");
        await Assertions.Expect(clinician.Locator(".clinical .red-flags")).ToHaveTextAsync("None reported");
        await Assertions.Expect(clinician.Locator(".triage-reasons a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/how-it-reasons#triage-"));

        await clinician.FillAsync("textarea[name='Plan.Note']", "Hip strength three times a week; keep running short and flat.");
        await clinician.CheckAsync("input[name='Plan.Routines'][value='hip-and-glute-strength']");
        await clinician.FillAsync("input[name='Plan.Dosage[hip-and-glute-strength]']", "3 x 12, Monday Wednesday Friday");
        await clinician.ClickAsync("button:has-text('Save the plan')");
        await Assertions.Expect(clinician.Locator(".plan")).ToContainTextAsync("3 x 12, Monday Wednesday Friday");

        // The runner sees the plan on their page.
        await runner.ReloadAsync();
        await Assertions.Expect(runner.Locator(".plan")).ToContainTextAsync("Hip strength three times a week");
        await Assertions.Expect(runner.Locator(".plan")).ToContainTextAsync("3 x 12, Monday Wednesday Friday");
        Assert.True(runnerErrors.Count + clinicianErrors.Count == 0, string.Join(Environment.NewLine, runnerErrors.Concat(clinicianErrors)));
    }

    private async Task CreateClinicianAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(ClinicianEmail) is not null)
        {
            return;
        }
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(ClinicianEmail, "Test physio", StaffRoles.Clinician, "test");
        Assert.True(user is not null, string.Join(" ", errors));
        Assert.True((await users.AddPasswordAsync(user, ClinicianPassword)).Succeeded);
    }
}
