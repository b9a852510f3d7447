using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;

namespace KneeReset.Web.Tests;

/// <summary>
/// What every app under test has, in memory (KneeResetFactory) or on a real port
/// (<see cref="KestrelApp"/>): a fresh store of its own (<see cref="TestDatabase"/>: a copy of the
/// run's migrated and seeded <see cref="StoreTemplate"/>; it also keeps the app's Data Protection
/// keys), media in a temporary folder of its own, a clock tests can move
/// on, writes that fail on demand, every log event collected, staff signed in from a test header, and limits high enough that
/// no test trips one by accident. A subclass passes settings of its own, applied last.
/// One app per test class (IClassFixture), so no class sees another's data; the host starts on
/// first use and everything is removed on dispose, except for an app marked
/// <see cref="SharedBetweenClassesAttribute"/>, which <see cref="AppPool"/> resets and hands to the next class.
/// </summary>
public abstract class AppUnderTest : WebApplicationFactory<Program>
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _settings;
    private readonly AppSlot _slot;

    /// <summary>An app on a fresh store of its own, or on <paramref name="sharedDatabase"/> (several instances of one site; its owner removes it).</summary>
    protected AppUnderTest(IEnumerable<KeyValuePair<string, string>> settings, TestDatabase? sharedDatabase = null)
    {
        _settings = [.. settings];
        _slot = sharedDatabase is null && GetType().IsDefined(typeof(SharedBetweenClassesAttribute), inherit: false)
            ? AppPool.Take(GetType())
            : new AppSlot(sharedDatabase ?? TestDatabase.CreateFresh(), ownsDatabase: sharedDatabase is null, shared: false);
    }

    public TestDatabase Database => _slot.Database;

    /// <summary>This app's temporary folder: media and anything a test needs beside them.</summary>
    public string Folder => _slot.Folder;

    public string MediaFolder => Path.Combine(Folder, "media");

    /// <summary>The app's email pickup folder (Email:PickupDirectory): every message it sends lands here as an .eml file, unless a subclass configures SMTP.</summary>
    public SentMail Mail => new(Path.Combine(Folder, "mail"));

    /// <summary>The app's clock: real time, moved on by tests that need time to pass.</summary>
    public ShiftedClock Clock => _slot.Clock;

    /// <summary>Makes the app's writes fail on demand (a full or failing disk); off unless a test arms it.</summary>
    public StorageFaults Faults => _slot.Faults;

    /// <summary>Every event the app logs at the configured level (Warning unless a subclass says otherwise).</summary>
    public LogCollector Log => _slot.Log;

    /// <summary>The address the app builds its links from (App:PublicBaseUrl).</summary>
    protected abstract string PublicBaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before the host is built.
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:KneeReset", Database.ConnectionString);
        // A test's database is up already: one that is not fails in a second, not after a minute.
        builder.UseSetting("Database:StartRetrySeconds", "1");
        foreach (var limit in new[] { "TokenLookups", "SignIns", "Assessments", "Drafts", "SessionLogs", "TrainingImports", "Emails" })
        {
            builder.UseSetting($"RateLimits:{limit}PerMinute", 10_000.ToString(CultureInfo.InvariantCulture));
        }
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Media:Path", MediaFolder);
        builder.UseSetting("Email:PickupDirectory", Mail.Folder);
        // The one line per message sent, so tests can wait for mail sent in the background.
        builder.UseSetting("Serilog:MinimumLevel:Override:KneeReset.Web.Email", "Information");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            TestStaffSignIn.AddTo(services);
            services.AddSingleton<TimeProvider>(Clock);
            StorageFaults.AddTo(services, Faults);
            NoBlockingQueries.AddTo(services);
            // The app adds every ILogEventSink in its services to its Serilog logger.
            services.AddSingleton<ILogEventSink>(Log);
        });
    }

    /// <summary>A shared app's host, started by an earlier class and reset since, or a new one (kept for later classes when shared).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (_slot.Host is { } started)
        {
            return started;
        }
        var host = base.CreateHost(builder);
        if (_slot.Shared)
        {
            _slot.Started(host);
        }
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_slot.Shared && await AppPool.TryGiveBackAsync(GetType(), _slot))
        {
            GC.SuppressFinalize(this);
            return;
        }
        await base.DisposeAsync();
        _slot.Remove();
        GC.SuppressFinalize(this);
    }
}
