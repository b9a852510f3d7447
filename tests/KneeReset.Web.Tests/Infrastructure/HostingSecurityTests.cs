using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// How the app sits on the network and keeps its keys: no Server header, HSTS and Secure cookies
/// outside development, client addresses only from configured proxies, keys encrypted at rest
/// (issue 9, finding 12).
/// </summary>
public sealed class HostingSecurityTests(
    KneeResetFactory factory, HostingSecurityTests.ProductionApp production, HostingSecurityTests.ProductionWithoutKeyCertificateApp unprotected,
    HostingSecurityTests.KeyCertificateApp keyCertificate, HostingSecurityTests.OneAssessmentPerMinuteApp direct, HostingSecurityTests.BehindProxyApp proxied)
    : IClassFixture<KneeResetFactory>, IClassFixture<HostingSecurityTests.ProductionApp>, IClassFixture<HostingSecurityTests.ProductionWithoutKeyCertificateApp>,
      IClassFixture<HostingSecurityTests.KeyCertificateApp>, IClassFixture<HostingSecurityTests.OneAssessmentPerMinuteApp>, IClassFixture<HostingSecurityTests.BehindProxyApp>
{
    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var client = direct.NetworkClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task Outside_development_https_responses_carry_hsts_and_cookies_are_secure()
    {
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://knee.test"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/Staff/SignIn", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_development_there_is_no_hsts_and_plain_http_cookies_work()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/Staff/SignIn", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Forwarded_client_addresses_count_only_from_a_configured_proxy(bool proxyConfigured)
    {
        using var client = (proxyConfigured ? (KestrelApp)proxied : direct).NetworkClient();

        var first = await PostFromAsync(client, "203.0.113.1");
        var sameClient = await PostFromAsync(client, "203.0.113.1");
        var otherClient = await PostFromAsync(client, "203.0.113.2");

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameClient);
        // Behind a known proxy each runner has a budget of their own; otherwise the header is ignored.
        Assert.Equal(proxyConfigured ? HttpStatusCode.Created : HttpStatusCode.TooManyRequests, otherClient);
    }

    [Fact]
    public async Task Keys_are_encrypted_at_rest_with_the_configured_certificate()
    {
        using var client = keyCertificate.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // A form needs an antiforgery token, which needs a key; signing in with it proves the key decrypts.
        using var signIn = await client.SignInAsync("nobody@studio.test", "not a password 1");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        // The keys live in the database, which every instance shares.
        await using var scope = keyCertificate.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KneeResetDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(stored);
        var xml = string.Concat(stored);
        Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_without_a_key_certificate_does_not_start()
    {
        var error = Assert.ThrowsAny<Exception>(() => unprotected.CreateClient());

        Assert.Contains("DataProtection:CertificatePath must name a PFX certificate in Production", error.ToString(), StringComparison.Ordinal);
    }

    public sealed class ProductionApp() : KneeResetFactory(ProductionSettings(allowUnprotectedKeys: true));

    /// <summary>Never starts: the test proves it refuses to.</summary>
    public sealed class ProductionWithoutKeyCertificateApp() : KneeResetFactory(ProductionSettings(allowUnprotectedKeys: false));

    private static KeyValuePair<string, string>[] ProductionSettings(bool allowUnprotectedKeys) =>
    [
        new(WebHostDefaults.EnvironmentKey, "Production"), new("App:PublicBaseUrl", "https://knee.test"), new("AllowedHosts", "knee.test"),
        new("DataProtection:AllowUnprotectedKeys", allowUnprotectedKeys ? "true" : "false"),
    ];

    /// <summary>Keys encrypted with a self-signed certificate made for the app before it starts.</summary>
    public sealed class KeyCertificateApp : KneeResetFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Directory.CreateDirectory(Folder);
            var pfx = Path.Combine(Folder, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=KneeReset keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "test pass"));
            }
            builder.UseSetting("DataProtection:CertificatePath", pfx).UseSetting("DataProtection:CertificatePassword", "test pass");
        }
    }

    /// <summary>On a real port, one assessment per client a minute; no proxy is believed.</summary>
    public sealed class OneAssessmentPerMinuteApp() : KestrelApp([new("RateLimits:AssessmentsPerMinute", "1")]);

    /// <summary>
    /// The same behind a proxy on the loopback address, whose X-Forwarded-For is believed: the list
    /// written as an operator writes it, Proxy__KnownProxies=10.0.0.5;127.0.0.1 (issue 28).
    /// </summary>
    public sealed class BehindProxyApp() : KestrelApp([new("RateLimits:AssessmentsPerMinute", "1"), new("Proxy:KnownProxies", "10.0.0.5;127.0.0.1")]);

    private static async Task<HttpStatusCode> PostFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/assessments", UriKind.Relative))
        {
            Content = new StringContent(new System.Text.Json.Nodes.JsonObject { ["answers"] = RunnerResults.KneecapAnswers() }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
