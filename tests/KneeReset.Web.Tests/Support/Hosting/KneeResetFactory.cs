using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests;

/// <summary>
/// The whole app in memory (TestServer), for almost every test: see <see cref="AppUnderTest"/>
/// for what it has. One per test class: <c>public class XTests(KneeResetFactory app) : IClassFixture&lt;KneeResetFactory&gt;</c>.
/// A class that needs other settings names a subclass, e.g.
/// <c>public sealed class LimitedApp() : KneeResetFactory([new("RateLimits:SignInsPerMinute", "3")]);</c>
/// and may ask for more than one app when a single test needs different settings.
/// </summary>
[SharedBetweenClasses]
public class KneeResetFactory : AppUnderTest
{
    /// <summary>The request header carrying the client's address (TestServer has no network to give one).</summary>
    private const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Counted over the whole run: a shared app's next class gets addresses no earlier class used.</summary>
    private static int _clients;

    public KneeResetFactory() : this([])
    {
    }

    protected KneeResetFactory(IEnumerable<KeyValuePair<string, string>> settings, TestDatabase? sharedDatabase = null) : base(settings, sharedDatabase)
    {
    }

    /// <summary>The test client's own address, so absolute links point back at the app under test.</summary>
    protected override string PublicBaseUrl => "http://localhost";

    /// <summary>A browser nobody has signed in to: keeps cookies and does not follow redirects, so tests can assert them.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in (through <see cref="TestStaffSignIn"/>) as <paramref name="email"/> with <paramref name="role"/>.</summary>
    public HttpClient SignedIn(string role, string? email = null)
    {
        var client = CreateBrowser();
        client.DefaultRequestHeaders.Add(TestStaffSignIn.RoleHeader, role);
        client.DefaultRequestHeaders.Add(TestStaffSignIn.UserHeader, email ?? $"{role.ToLowerInvariant()}@studio.test");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ClientAddresses>());
    }

    /// <summary>
    /// Every client is a device of its own, with an address of its own, as runners' phones are: a
    /// test's requests never spend another test's per-client budget (rate limits).
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        var n = Interlocked.Increment(ref _clients);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]).ToString());
    }

    /// <summary>Gives each request the address of the client that sent it, before anything else runs.</summary>
    private sealed class ClientAddresses : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
