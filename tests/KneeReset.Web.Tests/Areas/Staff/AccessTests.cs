using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.AspNetCore.WebUtilities;

namespace KneeReset.Web.Tests.Areas.Staff;

/// <summary>Who may open which staff page: any staff member the home, editors and admins the library, clinicians their runners, admins the rest.</summary>
public class AccessTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    public const string AnyStaff = "any staff";
    public const string Library = "library";
    public const string AdminOnly = "admin";
    public const string ClinicianOnly = "clinician";

    /// <summary>Every staff page (seeded routine and exercise 1 exist on every fresh database) and who may open it.</summary>
    public static TheoryData<string, string> StaffPages => new()
    {
        { "/Staff", AnyStaff },
        { "/Staff/Accounts", AdminOnly },
        { "/Staff/Audit", AdminOnly },
        { "/Staff/Runners", ClinicianOnly },
        { "/Staff/Library/Routines", Library },
        { "/Staff/Library/Routines/Edit", Library },
        { "/Staff/Library/Routines/Edit/1", Library },
        { "/Staff/Library/Routines/Edit?duplicate=1", Library },
        { "/Staff/Library/Routines/Preview/1", Library },
        { "/Staff/Library/Routines/History/1", Library },
        { "/Staff/Library/Exercises", Library },
        { "/Staff/Library/Exercises/Edit", Library },
        { "/Staff/Library/Exercises/Edit/1", Library },
        { "/Staff/Library/Exercises/History/1", Library },
        { "/Staff/Library/Exercises/Edit?duplicate=1", Library },
        { "/Staff/Library/Exercises/Preview/1", Library },
        { "/Staff/Library/Transfer", Library },
        { "/Staff/Library/Transfer?handler=Export", Library },
    };

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Anonymous_requests_to_staff_pages_go_to_sign_in(string url, string audience)
    {
        Assert.NotNull(audience);
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var location = new Uri(new Uri("http://localhost"), Browser.AssertRedirect(response));
        Assert.Equal("/Staff/SignIn", location.AbsolutePath);
        Assert.Equal(url, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString());
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task A_clinician_opens_the_staff_home_and_their_runners_and_nothing_else(string url, string audience) =>
        await AssertAccessAsync(StaffRoles.Clinician, url, allowed: audience is AnyStaff or ClinicianOnly);

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task An_editor_opens_the_library_but_not_accounts_audit_or_runners(string url, string audience) =>
        await AssertAccessAsync(StaffRoles.Editor, url, allowed: audience is AnyStaff or Library);

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task An_admin_opens_every_staff_page_but_a_clinicians_runners(string url, string audience) =>
        await AssertAccessAsync(StaffRoles.Admin, url, allowed: audience != ClinicianOnly);

    [Fact]
    public async Task An_anonymous_post_to_the_routine_editor_goes_to_sign_in_and_saves_nothing()
    {
        using var client = app.CreateBrowser();
        // A real antiforgery token (an anonymous one, from the sign-in page), so only the missing sign-in can refuse the post.
        var token = (await HtmlForm.OpenAsync(client, "/Staff/SignIn")).Value("__RequestVerificationToken")!;
        var slug = TestData.NewSlug("anonymous-post");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Title"] = "Posted without signing in",
            ["Input.Slug"] = slug,
            ["Input.Summary"] = "Should never be saved.",
            ["Input.WhenToDo"] = "Never.",
            ["Input.Status"] = "draft",
        });

        using var response = await client.PostAsync(new Uri("/Staff/Library/Routines/Edit?handler=Save", UriKind.Relative), content);

        Assert.StartsWith("http://localhost/Staff/SignIn?ReturnUrl=", Browser.AssertRedirect(response), StringComparison.Ordinal);
        Assert.Null(await app.RoutineAsync(slug));
    }

    [Fact]
    public async Task The_staff_home_shows_each_role_its_own_menu()
    {
        async Task<IReadOnlyList<string>> MenuOf(string role)
        {
            using var client = app.SignedIn(role, $"menu.{role.ToLowerInvariant()}@studio.test");
            var page = await client.GetPageAsync("/Staff");
            Assert.Contains($"Signed in as menu.{role.ToLowerInvariant()}@studio.test", page.Body!.TextContent, StringComparison.Ordinal);
            return page.QuerySelectorAll(".staff-menu a").Select(a => a.GetAttribute("href")!).ToList();
        }

        Assert.Equal(["/Staff/Runners", "/Staff/SignOut"], await MenuOf(StaffRoles.Clinician));
        Assert.Contains("/Staff/Library/Routines", await MenuOf(StaffRoles.Editor));
        Assert.DoesNotContain("/Staff/Accounts", await MenuOf(StaffRoles.Editor));
        Assert.Contains("/Staff/Accounts", await MenuOf(StaffRoles.Admin));
    }

    private async Task AssertAccessAsync(string role, string url, bool allowed)
    {
        using var client = app.SignedIn(role);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
            return;
        }
        // The cookie's access-denied path: a redirect to /Staff/Denied, which answers 403.
        var denied = new Uri(new Uri("http://localhost"), Browser.AssertRedirect(response));
        Assert.Equal("/Staff/Denied", denied.AbsolutePath);
        using var deniedPage = await client.GetAsync(new Uri(denied.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, deniedPage.StatusCode);
        Assert.Contains("Not allowed", await deniedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
