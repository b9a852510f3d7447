using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// Behind a proxy that ends TLS, the app believes X-Forwarded-Proto: https from the proxy named in
/// Proxy:KnownProxies only: then it sends HSTS and redirects to sign in over https; the same
/// header from any other address changes nothing (issue 28).
/// </summary>
public sealed class ForwardedSchemeTests(UntrustedForwardersTests.ProductionBehindProxyApp app) : IClassFixture<UntrustedForwardersTests.ProductionBehindProxyApp>
{
    private const string KnownProxy = "192.0.2.7";

    [Theory]
    [InlineData(KnownProxy, "https")]
    [InlineData("198.51.100.4", "http")]
    public async Task Https_at_the_proxy_counts_only_when_the_request_comes_from_the_known_proxy(string from, string seenScheme)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://knee.test"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Remove("X-Test-Client-Address");
        client.DefaultRequestHeaders.Add("X-Test-Client-Address", from);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");

        using var page = await client.GetAsync(new Uri("/routines", UriKind.Relative));
        using var staff = await client.GetAsync(new Uri("/Staff", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // HSTS goes with https responses only: sent over plain http it would mean nothing.
        Assert.Equal(seenScheme == "https", page.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.StartsWith($"{seenScheme}://knee.test/Staff/SignIn", staff.Headers.Location?.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
