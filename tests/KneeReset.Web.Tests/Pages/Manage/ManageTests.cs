using System.Net;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>The runner's private page: share-link expiry, revoking, new links, passcodes, deleting.</summary>
public class ManageTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_confirmation_shows_once_and_never_lives_in_the_address_the_runner_bookmarks()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        using var saved = await RunnerResults.PostFormAsync(client, manage, "Sharing", ("Sharing.Expiry", "30"));
        var location = Browser.AssertRedirect(saved);
        var first = await client.GetPageAsync(location);
        var again = await client.GetPageAsync(location);

        Assert.DoesNotContain("done", location, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(manage, location);
        Assert.Contains("saved", first.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sharing settings saved", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

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

        var unknown = "/r/" + Web.Infrastructure.UnguessableToken.New();
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

        using var response = await RunnerResults.PostFormAsync(client, manage, "NewLink", ("confirmNewLink", "true"));

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
        // The message stands beside the box it is about, and the form posts back to its own section.
        var refused = await Browser.ParseAsync(unconfirmed);
        var form = refused.QuerySelector("form[action*='handler=Delete']")!;
        Assert.EndsWith("#delete-title", form.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Contains("Tick the box", form.QuerySelector(".field-error#confirm-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("confirm-error", form.QuerySelector("input#confirm")?.GetAttribute("aria-describedby"));
        Assert.False(unconfirmed.Headers.Contains("Clear-Site-Data"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(share, UriKind.Relative))).StatusCode);

        using var confirmed = await RunnerResults.PostFormAsync(client, manage, "Delete", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        // The service worker's offline copies of the private pages go with it.
        Assert.Equal("\"cache\", \"storage\"", string.Join(", ", confirmed.Headers.GetValues("Clear-Site-Data")));
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
