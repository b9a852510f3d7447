using System.Net;
using KneeReset.Web.Areas.Staff.Accounts;
using KneeReset.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>The runner's private page: share-link expiry, revoking, new links, passcodes, deleting.</summary>
public class ManageTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Expired_revoked_and_unknown_share_links_all_give_the_same_404()
    {
        using var client = app.CreateBrowser();
        var expiring = await RunnerResults.CreateAsync(client);
        var revoked = await RunnerResults.CreateAsync(client);
        using (var set = await RunnerResults.PostFormAsync(client, expiring.Manage, "Sharing", ("Sharing.Expiry", "7")))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }
        using (var revoke = await RunnerResults.PostFormAsync(client, revoked.Manage, "Revoke"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(expiring.Share, UriKind.Relative))).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(8));

        var unknown = "/r/" + Web.Assessments.ShareToken.New();
        var bodies = new List<string>();
        foreach (var path in new[] { expiring.Share, revoked.Share, unknown })
        {
            foreach (var suffix in new[] { "", "/fhir" })
            {
                using var response = await client.GetAsync(new Uri(path + suffix, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                bodies.Add(suffix + Normalise(await response.Content.ReadAsStringAsync()));
            }
            using var api = await client.GetAsync(new Uri("/api/assessments/" + RunnerResults.TokenOf(path), UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        }
        Assert.Equal(2, bodies.Distinct().Count()); // one page body and one FHIR body, whichever the reason
        // The runner's own page still works, and a new link brings sharing back.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(revoked.Manage, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_new_share_link_replaces_the_old_one()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);

        using var response = await RunnerResults.PostFormAsync(client, manage, "NewLink");

        var page = await client.GetPageAsync(manage);
        var fresh = new Uri(page.QuerySelector("#share-url")!.GetAttribute("value")!).AbsolutePath;
        Assert.NotEqual(share, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(fresh, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_new_link_after_expiry_works_again()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        await RunnerResults.PostFormAsync(client, manage, "Sharing", ("Sharing.Expiry", "7"));
        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);

        await RunnerResults.PostFormAsync(client, manage, "NewLink");

        var fresh = new Uri((await client.GetPageAsync(manage)).QuerySelector("#share-url")!.GetAttribute("value")!).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(fresh, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_passcode_protects_the_share_link_page_api_and_export()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Passcode", "blue-heron"));
        using var visitor = app.CreateBrowser();

        var gate = await visitor.GetPageAsync(share);
        Assert.Contains("protected", gate.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(gate.QuerySelector(".cause-list"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync(new Uri("/api/assessments/" + RunnerResults.TokenOf(share), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync(new Uri(share + "/fhir", UriKind.Relative))).StatusCode);

        using var wrong = await RunnerResults.PostFormAsync(visitor, share, "Passcode", ("passcode", "grey-heron"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("isn't right", (await Browser.ParseAsync(wrong)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        using var right = await RunnerResults.PostFormAsync(visitor, share, "Passcode", ("passcode", "blue-heron"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var opened = await visitor.GetPageAsync(share);
        Assert.NotNull(opened.QuerySelector(".cause-list"));

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/assessments/" + RunnerResults.TokenOf(share));
        api.Headers.Add("X-Passcode", "blue-heron");
        Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(api)).StatusCode);
    }

    [Fact]
    public async Task The_share_page_never_reveals_the_manage_link()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);

        var html = await client.GetStringAsync(new Uri(share, UriKind.Relative));
        var api = await client.GetStringAsync(new Uri("/api/assessments/" + RunnerResults.TokenOf(share), UriKind.Relative));

        Assert.DoesNotContain(RunnerResults.TokenOf(manage), html, StringComparison.Ordinal);
        Assert.DoesNotContain(RunnerResults.TokenOf(manage), api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manage_page_is_private_with_a_qr_code_of_the_share_link()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        using var response = await client.GetAsync(new Uri(manage, UriKind.Relative));
        var page = await Browser.ParseAsync(response);

        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".qr svg"));
    }

    [Fact]
    public async Task Deleting_removes_the_result_and_both_links()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);

        using var unconfirmed = await RunnerResults.PostFormAsync(client, manage, "Delete");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);

        using var confirmed = await RunnerResults.PostFormAsync(client, manage, "Delete", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(manage, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_bad_expiry_or_short_passcode_is_refused_with_a_message()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var form = await HtmlForm.OpenAsync(client, manage, "form[action*='handler=Sharing']");
        form.Set("Sharing.Passcode", "abcde");

        using var response = await form.SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("6 to 64 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Normalise(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
}

/// <summary>The clinician's side of a shared result, and what the runner then sees.</summary>
public class ClinicalViewTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_clinician_sees_every_answer_and_the_reasoning_and_a_runner_does_not()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var clinical = await clinician.GetPageAsync(share);
        var plain = await runner.GetPageAsync(share);

        var rows = clinical.QuerySelectorAll(".clinical table.answers tbody tr");
        var content = app.Services.GetRequiredService<ContentCatalog>();
        var questions = content.Questions.Questions.Count();
        Assert.Equal(questions, rows.Length); // every question in the bank, answered or not
        Assert.Contains(rows, r => r.TextContent.Contains("stairs_down", StringComparison.Ordinal));
        Assert.Contains($"rules {content.Rules.RuleSet.Version}", clinical.QuerySelector(".clinical .meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(clinical.QuerySelector(".clinical .meta a[href='/how-it-reasons']"));
        Assert.Contains("32.5 km", clinical.QuerySelector(".clinical")!.TextContent, StringComparison.Ordinal);
        Assert.Null(plain.QuerySelector(".clinical"));
    }

    [Fact]
    public async Task A_clinicians_plan_appears_on_the_runners_page_and_changes_are_pointed_out()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, "physio@studio.test");
        var review = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using (var saved = await RunnerResults.PostFormAsync(clinician, share, "Plan",
            ("Plan.Note", "Build hip strength first."), ("Plan.Routines", "hip-and-glute-strength"),
            ("Plan.Dosage[hip-and-glute-strength]", "2 x 12, every other day"), ("Plan.Avoid", "Long downhill runs"), ("Plan.ReviewDate", review)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var first = await runner.GetPageAsync(manage);
        var plan = first.QuerySelector(".plan")!.TextContent;
        Assert.Contains("Build hip strength first.", plan, StringComparison.Ordinal);
        Assert.Contains("2 x 12, every other day", plan, StringComparison.Ordinal);
        Assert.Contains("Long downhill runs", plan, StringComparison.Ordinal);
        Assert.Contains("physio@studio.test", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed since your last visit", plan, StringComparison.Ordinal);

        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Dosage[hip-and-glute-strength]", "3 x 15, every other day"));
        var second = await runner.GetPageAsync(manage);
        var changes = second.QuerySelector(".plan .banner")!.TextContent;
        Assert.Contains("3 x 15", changes, StringComparison.Ordinal);
        Assert.Contains("was: 2 x 12", changes, StringComparison.Ordinal);
        // Once seen, the change is no longer new.
        Assert.Null((await runner.GetPageAsync(manage)).QuerySelector(".plan .banner"));

        var calendar = await runner.GetAsync(new Uri(manage + "?handler=Calendar", UriKind.Relative));
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        var ics = await calendar.Content.ReadAsStringAsync();
        Assert.Contains("RRULE:FREQ=WEEKLY", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;VALUE=DATE:{review.Replace("-", "", StringComparison.Ordinal)}", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Admin)]
    [InlineData(null)]
    public async Task Only_clinicians_can_write_plans(string? role)
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var someone = role is null ? app.CreateBrowser() : app.SignedIn(role);
        // Any page's form gives this browser a valid antiforgery pair; the share page has none for them.
        var form = await HtmlForm.OpenAsync(someone, "/assess");

        using var response = await someone.PostAsync(new Uri(share + "?handler=Plan", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Value("__RequestVerificationToken") ?? "",
            ["Plan.Note"] = "Sneaky plan",
        }));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
        Assert.DoesNotContain("Sneaky plan", await runner.GetStringAsync(new Uri(manage, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinician_views_and_plans_are_audited()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, "audited.physio@studio.test");

        await clinician.GetPageAsync(share);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Note", "Rest from hills."));

        using var admin = app.SignedIn(StaffRoles.Admin);
        var audit = (await admin.GetPageAsync("/Staff/Audit")).QuerySelector("table")!.TextContent;
        Assert.Contains("clinician.viewed", audit, StringComparison.Ordinal);
        Assert.Contains("plan.saved", audit, StringComparison.Ordinal);
        Assert.Contains("audited.physio@studio.test", audit, StringComparison.Ordinal);
    }
}
