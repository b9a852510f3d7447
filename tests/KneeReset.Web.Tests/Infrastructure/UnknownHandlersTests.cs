using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// A post naming no handler the page has is a 404, never the page rendered without its data (a 500
/// before: issue 22's hostile requests, beside finding 5).
/// </summary>
public class UnknownHandlersTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_post_to_a_runners_page_without_a_handler_it_has_gets_404()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        var token = (await HtmlForm.OpenAsync(client, manage, "form[action*='handler=Sharing']")).Value("__RequestVerificationToken")!;

        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var path in new[] { manage, $"{manage}?handler=Nope", share, $"{share}?handler=Nope" })
        {
            using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            statuses[path] = response.StatusCode;
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s.Value));
        using var page = await client.GetAsync(new Uri($"{manage}?handler=Nope", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_post_to_a_staff_page_without_a_handler_it_has_gets_404()
    {
        using var admin = app.SignedIn(StaffRoles.Admin);
        var form = await HtmlForm.OpenAsync(admin, "/Staff/Accounts", "form[action$='handler=Invite']");

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", form.Value("__RequestVerificationToken")!)]);
        using var response = await admin.PostAsync(new Uri("/Staff/Accounts?handler=Nope", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
