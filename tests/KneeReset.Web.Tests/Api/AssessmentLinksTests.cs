using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeReset.Web.Tests.Api;

/// <summary>Links from configuration, never from the Host header; the private link never cached; JSON only (issue 9, finding 10).</summary>
public class AssessmentLinksTests(
    KneeResetFactory factory, AssessmentLinksTests.PublicAddressApp publicAddress, AssessmentLinksTests.NoPublicAddressApp noPublicAddress,
    AssessmentLinksTests.ProductionWithoutPublicAddressApp production)
    : IClassFixture<KneeResetFactory>, IClassFixture<AssessmentLinksTests.PublicAddressApp>, IClassFixture<AssessmentLinksTests.NoPublicAddressApp>,
      IClassFixture<AssessmentLinksTests.ProductionWithoutPublicAddressApp>
{
    [Fact]
    public async Task Links_come_from_the_configured_public_address_whatever_the_host_header_says()
    {
        using var client = publicAddress.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await PostAsync(client, host: "evil.example");
        var created = await ApiClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("https://knee.example/m/", (string)created["manageUrl"]!, StringComparison.Ordinal);
        Assert.StartsWith("https://knee.example/r/", (string)created["resultUrl"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_address_links_are_relative()
    {
        using var client = noPublicAddress.CreateClient();

        var created = await client.CreateAssessmentAsync(RunnerResults.KneecapAnswers());

        Assert.StartsWith("/m/", (string)created["manageUrl"]!, StringComparison.Ordinal);
        Assert.StartsWith("/r/", (string)created["resultUrl"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_is_not_allowed_is_refused()
    {
        using var client = factory.CreateBrowser();

        using var response = await PostAsync(client, host: "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_response_carrying_the_private_link_is_never_stored()
    {
        using var client = factory.CreateBrowser();

        using var response = await PostAsync(client);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task A_post_that_is_not_json_gets_415_and_stores_nothing(string contentType)
    {
        using var client = factory.CreateBrowser();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new System.Text.Json.Nodes.JsonObject { ["answers"] = RunnerResults.KneecapAnswers() }.ToJsonString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Production_without_a_public_address_does_not_start()
    {
        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("App:PublicBaseUrl must be set in Production", error.ToString(), StringComparison.Ordinal);
    }

    public sealed class PublicAddressApp() : KneeResetFactory([new("AllowedHosts", "*"), new("App:PublicBaseUrl", "https://knee.example")]);

    public sealed class NoPublicAddressApp() : KneeResetFactory([new("App:PublicBaseUrl", "")]);

    /// <summary>Never starts: the test proves it refuses to.</summary>
    public sealed class ProductionWithoutPublicAddressApp() : KneeResetFactory([new(WebHostDefaults.EnvironmentKey, "Production"), new("App:PublicBaseUrl", "")]);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/assessments", UriKind.Relative))
        {
            Content = new StringContent(new System.Text.Json.Nodes.JsonObject { ["answers"] = RunnerResults.KneecapAnswers() }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return await client.SendAsync(request);
    }
}
