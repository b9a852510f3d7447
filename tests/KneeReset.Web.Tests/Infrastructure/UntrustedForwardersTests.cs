using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// In Production, forwarded headers from an address that is not a known proxy are ignored and
/// warned about once per address, not once per request (issue 28).
/// </summary>
public sealed class UntrustedForwardersTests(UntrustedForwardersTests.ProductionBehindProxyApp app) : IClassFixture<UntrustedForwardersTests.ProductionBehindProxyApp>
{
    private const string Warning = "A request from {RemoteAddress} carried X-Forwarded-For/X-Forwarded-Proto";

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_warned_about_once()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://knee.test"), AllowAutoRedirect = false });

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/routines", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var warning = await app.Log.WaitForAsync(e => e.MessageTemplate.Text.StartsWith(Warning, StringComparison.Ordinal));
        var client10 = warning.Properties["RemoteAddress"].ToString();
        Assert.StartsWith("\"10.", client10, StringComparison.Ordinal);
        Assert.Single(app.Log.Events, e => e.MessageTemplate.Text.StartsWith(Warning, StringComparison.Ordinal) && e.Properties["RemoteAddress"].ToString() == client10);
    }

    [Fact]
    public async Task Forwarded_headers_from_the_known_proxy_are_not_warned_about()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://knee.test"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Remove("X-Test-Client-Address");
        client.DefaultRequestHeaders.Add("X-Test-Client-Address", "192.0.2.7");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/routines", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.10");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Log.Events, e => e.MessageTemplate.Text.StartsWith(Warning, StringComparison.Ordinal) && e.Properties["RemoteAddress"].ToString() == "\"192.0.2.7\"");
    }

    public sealed class ProductionBehindProxyApp() : KneeResetFactory([
        new(WebHostDefaults.EnvironmentKey, "Production"), new("App:PublicBaseUrl", "https://knee.test"), new("AllowedHosts", "knee.test"),
        new("DataProtection:AllowUnprotectedKeys", "true"), new("Proxy:KnownProxies", "192.0.2.7")]);
}
