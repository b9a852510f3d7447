using System.Net;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>The FHIR download on the runner's private page works with a passcode set: the private link is the owner's credential (issue 11, finding 6).</summary>
public class FhirDownloadTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_private_pages_fhir_download_works_once_a_passcode_is_set_while_the_share_link_still_asks_for_it()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Passcode", "blue-heron"));
        var download = (await runner.GetPageAsync(manage)).QuerySelectorAll("a").Single(a => a.TextContent.Contains("(FHIR)", StringComparison.Ordinal)).GetAttribute("href")!;

        using var response = await runner.GetAsync(new Uri(download, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Bundle", (string?)System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["resourceType"]);
        using var stranger = app.CreateBrowser();
        using var shared = await stranger.GetAsync(new Uri($"{share}/fhir", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, shared.StatusCode);
        using var unknown = await stranger.GetAsync(new Uri($"/m/{RunnerResults.TokenOf(share)}/fhir", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
