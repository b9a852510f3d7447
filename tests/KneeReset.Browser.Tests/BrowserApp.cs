using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KneeReset.Browser.Tests;

/// <summary>
/// The app on a real loopback port (Kestrel) over its own SQLite file, and Debian's Chromium
/// driven by Playwright. One per test collection: starting Chromium is the slow part.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"kneereset-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public const string AdminEmail = "admin@studio.test";
    public const string AdminPassword = "long enough passphrase 42";

    /// <summary>A free loopback port chosen up front, so the app's public address (App:PublicBaseUrl) can name it.</summary>
    private readonly int _port = FreePort();

    public BrowserApp() => UseKestrel(_port);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:KneeReset", $"Data Source={_database}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("App:PublicBaseUrl", $"http://127.0.0.1:{_port}");
        builder.UseSetting("RateLimits:TokenLookupsPerMinute", "10000");
        builder.UseSetting("RateLimits:AssessmentsPerMinute", "10000");
        builder.UseSetting("RateLimits:DraftsPerMinute", "10000");
        builder.UseSetting("RateLimits:SessionLogsPerMinute", "10000");
        builder.UseSetting("Staff:BootstrapEmail", AdminEmail);
        builder.UseSetting("Staff:BootstrapPassword", AdminPassword);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, AxeScript>());
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies, own service workers) that fails the test on any console error.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text + " @ " + message.Location);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (context, page, errors);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".startup-lock" })
        {
            File.Delete(_database + suffix);
        }
    }
}

/// <summary>
/// The journeys are split over two collections, each with an app and a Chromium of its own: xUnit
/// runs the two side by side, one journey each, which keeps both cores busy where one journey
/// alone waits on the browser about half the time. Each holds about half of the journeys' time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

/// <summary>The second of the two collections (<see cref="SharedBrowser"/>): the staff, clinician, print and recovery journeys.</summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowser : ICollectionFixture<BrowserApp>
{
    public const string Name = "second browser";
}
