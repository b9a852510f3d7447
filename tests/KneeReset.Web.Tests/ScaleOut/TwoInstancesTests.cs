using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace KneeReset.Web.Tests.ScaleOut;

/// <summary>
/// Two instances behind a proxy behave as one site (issue 13): sign-in cookies, the library,
/// the output cache, results and sessions are shared through PostgreSQL and Redis, never kept
/// in one instance's memory or on its disk.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances site) : IClassFixture<TwoInstances>
{
    [ScaleOutFact]
    public async Task Both_instances_started_together_and_are_ready()
    {
        using var a = site.Through("a");
        using var b = site.Through("b");

        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        // Both found no staff and were configured with the first admin; the lock let only one add it.
        Assert.Equal(1, await site.A.QueryAsync(db => db.Users.CountAsync(u => u.Email == TwoInstances.AdminEmail)));
    }

    [ScaleOutFact]
    public async Task Staff_signed_in_through_A_publish_through_B_and_runners_on_A_see_it_at_once()
    {
        var cookies = new CookieContainer();
        using var staffOnA = site.Through("a", cookies);
        using var staffOnB = site.Through("b", cookies);
        using var runnerOnA = site.Through("a");
        await staffOnA.SignInOrFailAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        var slug = TestData.NewSlug("chain");
        Assert.DoesNotContain(slug, await PublicSlugsAsync(runnerOnA)); // the list is now in the shared cache
        Assert.NotEmpty(await RedisKeysAsync());

        // B reads A's sign-in cookie and antiforgery tokens: one key ring, in the database.
        using var created = await (await HtmlForm.OpenAsync(staffOnB, "/Staff/Library/Routines/Edit"))
            .Set("Input.Title", "First chain title").Set("Input.Slug", slug).Set("Input.Summary", "Made on B.").Set("Input.WhenToDo", "Daily.")
            .Set("Input.Status", "published")
            .Set("Input.Steps[0].Exercise", "heel-slides").Set("Input.Steps[0].Sets", "2").Set("Input.Steps[0].Reps", "10").Set("Input.Steps[0].RestSeconds", "20")
            .PressAsync("Save");
        var edit = Browser.AssertRedirect(created);

        Assert.Contains(slug, await PublicSlugsAsync(runnerOnA));
        Assert.Contains("First chain title", (await runnerOnA.GetPageAsync($"/routines/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        using var renamed = await (await HtmlForm.OpenAsync(staffOnB, edit)).Set("Input.Title", "Second chain title").PressAsync("Save");
        Browser.AssertRedirect(renamed);

        Assert.Contains("Second chain title", (await runnerOnA.GetPageAsync($"/routines/{slug}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [ScaleOutFact]
    public async Task A_result_made_on_A_opens_on_B()
    {
        using var runnerOnA = site.Through("a");
        using var runnerOnB = site.Through("b");

        var created = await runnerOnA.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());
        var resultUrl = new Uri((string)created["resultUrl"]!);

        // Links name the site (the proxy), never the instance that made them.
        Assert.Equal(site.Address.Authority, resultUrl.Authority);
        using var page = await runnerOnB.GetAsync(new Uri(resultUrl.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(created["createdAt"]!.ToJsonString(), (await runnerOnB.GetAssessmentAsync(ApiClient.TokenOf(created)))["createdAt"]!.ToJsonString());
    }

    [ScaleOutFact]
    public async Task Signing_out_through_A_ends_the_session_on_B()
    {
        var cookies = new CookieContainer();
        using var staffOnA = site.Through("a", cookies);
        await staffOnA.SignInOrFailAsync(TwoInstances.AdminEmail, TwoInstances.AdminPassword);
        var copy = $"{StaffPages.CookieName}={cookies.GetCookies(site.Address)[StaffPages.CookieName]!.Value}";
        Assert.Equal("200", await StaffAreaOnBAsync(copy));

        using var signedOut = await (await HtmlForm.OpenAsync(staffOnA, "/Staff/SignOut")).SubmitAsync();
        Browser.AssertRedirect(signedOut);

        Assert.Contains("/Staff/SignIn", await StaffAreaOnBAsync(copy), StringComparison.Ordinal);
    }

    /// <summary>GET /Staff on B carrying only <paramref name="cookie"/>: "200", or where it is sent.</summary>
    private async Task<string> StaffAreaOnBAsync(string cookie)
    {
        using var client = site.Through("b");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Staff", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK ? "200" : response.Headers.Location?.ToString() ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> PublicSlugsAsync(HttpClient runner) =>
        (await runner.GetFromJsonAsync<JsonArray>("/api/routines"))!.Select(r => (string)r!["slug"]!).ToList();

    /// <summary>This site's keys in Redis: the output cache's entries and tags.</summary>
    private async Task<List<string>> RedisKeysAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis!);
        var server = redis.GetServers().Single();
        return [.. server.Keys(pattern: site.RedisPrefix + "*").Select(k => k.ToString())];
    }
}
