using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace KneeReset.Web.Tests;

/// <summary>
/// One site on two instances, as a studio chain runs it: apps A and B on real ports share one
/// PostgreSQL database, one Redis and one media folder, behind a YARP reverse proxy that they
/// trust for client addresses (Proxy:KnownProxies). Requests carrying "X-Instance: a" (or b) go
/// to that instance, others round-robin. Both start at the same moment, so they race to migrate
/// and seed unless the startup lock holds. Needs KNEERESET_TEST_POSTGRES and KNEERESET_TEST_REDIS.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime, IDisposable
{
    public const string AdminEmail = "chain.admin@studio.test";
    public const string AdminPassword = "two sites one store 9";
    public const string InstanceHeader = "X-Instance";

    private readonly string _media = Path.Combine(Path.GetTempPath(), $"kneereset-shared-media-{Guid.NewGuid():N}");
    private readonly int _proxyPort = FreePort();
    private TestDatabase? _database;
    private WebApplication? _proxy;

    public Instance A { get; private set; } = null!;
    public Instance B { get; private set; } = null!;

    /// <summary>Every key of this site in Redis starts with it.</summary>
    public string RedisPrefix { get; } = $"kneereset-test-{Guid.NewGuid():N}:";

    /// <summary>The proxy: the site's public address.</summary>
    public Uri Address => new($"http://127.0.0.1:{_proxyPort}");

    public async Task InitializeAsync()
    {
        if (TestServices.Missing(redis: true) is not null)
        {
            return; // the tests say why they are skipped
        }
        _database = new PostgresTestDatabase();
        KeyValuePair<string, string>[] settings =
        [
            new("Database:Provider", "Postgres"),
            new("Redis:Configuration", TestServices.Redis ?? throw new InvalidOperationException($"{TestServices.RedisVariable} is not set.")),
            new("Redis:InstanceName", RedisPrefix),
            new("Media:Path", _media),
            new("App:PublicBaseUrl", Address.ToString().TrimEnd('/')),
            new("Proxy:KnownProxies:0", "127.0.0.1"),
            new("Staff:BootstrapEmail", AdminEmail),
            new("Staff:BootstrapPassword", AdminPassword),
        ];
        A = new Instance(settings, _database);
        B = new Instance(settings, _database);
        // Started together on an empty database: they take turns to migrate, seed and add the admin.
        await Task.WhenAll(Task.Run(() => A.BaseAddress), Task.Run(() => B.BaseAddress));
        _proxy = StartProxy();
        await _proxy.StartAsync();
    }

    /// <summary>A client through the proxy to one instance ("a" or "b"); cookies kept in <paramref name="cookies"/> when given.</summary>
    public HttpClient Through(string instance, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new() })
        {
            BaseAddress = Address,
        };
        client.DefaultRequestHeaders.Add(InstanceHeader, instance);
        return client;
    }

    private WebApplication StartProxy()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Address.ToString());
        builder.Logging.ClearProviders();
        RouteConfig To(string id, string? instance) => new()
        {
            RouteId = id,
            ClusterId = id,
            Order = instance is null ? 2 : 1,
            Match = new RouteMatch
            {
                Path = "{**path}",
                Headers = instance is null ? null : [new RouteHeader { Name = InstanceHeader, Values = [instance], Mode = HeaderMatchMode.ExactHeader }],
            },
        };
        ClusterConfig Cluster(string id, params Instance[] instances) => new()
        {
            ClusterId = id,
            LoadBalancingPolicy = "RoundRobin",
            Destinations = instances.Select((app, i) => (app, i)).ToDictionary(d => $"{id}{d.i}", d => new DestinationConfig { Address = d.app.BaseAddress.ToString() }),
        };
        builder.Services.AddReverseProxy().LoadFromMemory(
            [To("a", "a"), To("b", "b"), To("any", null)],
            [Cluster("a", A), Cluster("b", B), Cluster("any", A, B)]);
        var proxy = builder.Build();
        proxy.MapReverseProxy();
        return proxy;
    }

    /// <summary>Stops the proxy and both instances (xunit then calls <see cref="Dispose"/>).</summary>
    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
        if (A is not null)
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }

    /// <summary>Removes what the instances shared, once they have stopped.</summary>
    public void Dispose()
    {
        _database?.Dispose();
        if (Directory.Exists(_media))
        {
            Directory.Delete(_media, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One instance of the site.</summary>
    public sealed class Instance(IEnumerable<KeyValuePair<string, string>> settings, TestDatabase database) : KestrelApp(settings, database);
}
