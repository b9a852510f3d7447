using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// How the app sits on the network and keeps its keys: no Server header, HSTS and Secure cookies
/// outside development, client addresses only from configured proxies, keys encrypted at rest
/// (issue 9, finding 12).
/// </summary>
public sealed class HostingSecurityTests : IDisposable
{
    private readonly KneeResetFactory _factory = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"kneereset-hosting-{Guid.NewGuid():N}");

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var app = new KestrelApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task Outside_development_https_responses_carry_hsts_and_cookies_are_secure()
    {
        using var production = Production();
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
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/Staff/SignIn", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Forwarded_client_addresses_count_only_from_a_configured_proxy(bool proxyConfigured)
    {
        var settings = new List<KeyValuePair<string, string>> { new("RateLimits:AssessmentsPerMinute", "1") };
        if (proxyConfigured)
        {
            settings.Add(new("Proxy:KnownProxies:0", "127.0.0.1"));
        }
        using var app = new KestrelApp(settings);
        using var client = app.CreateClient();

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
        Directory.CreateDirectory(_folder);
        var pfx = Path.Combine(_folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=KneeReset keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test pass"));
        }
        var keys = Path.Combine(_folder, "keys");
        using var app = _factory.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysPath", keys)
            .UseSetting("DataProtection:CertificatePath", pfx).UseSetting("DataProtection:CertificatePassword", "test pass"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // A form needs an antiforgery token, which needs a key; signing in with it proves the key decrypts.
        using var signIn = await client.SignInAsync("nobody@studio.test", "not a password 1");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var xml = string.Concat(Directory.GetFiles(keys, "*.xml").Select(File.ReadAllText));
        Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_without_a_key_certificate_does_not_start()
    {
        using var production = Production(allowUnprotectedKeys: false);

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("DataProtection:CertificatePath must name a PFX certificate in Production", error.ToString(), StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> Production(bool allowUnprotectedKeys = true) =>
        _factory.WithWebHostBuilder(b => b.UseEnvironment("Production")
            .UseSetting("App:PublicBaseUrl", "https://knee.test").UseSetting("AllowedHosts", "knee.test")
            .UseSetting("DataProtection:AllowUnprotectedKeys", allowUnprotectedKeys ? "true" : "false"));

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

    public void Dispose()
    {
        _factory.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
