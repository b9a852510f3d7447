using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace KneeReset.Web.Tests;

/// <summary>
/// The whole app in memory over a SQLite file of its own (created, migrated and seeded on
/// start; deleted on dispose). Share one per test collection: each test makes its own data.
/// </summary>
public sealed class KneeResetFactory : WebApplicationFactory<Program>
{
    /// <summary>This factory's own SQLite file.</summary>
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"kneereset-tests-{Guid.NewGuid():N}.db");

    /// <summary>High by default so the suite never trips the limit; set low to test the limit itself.</summary>
    public int TokenLookupsPerMinute { get; init; } = 10_000;

    /// <summary>High by default for the same reason; set low to test the limit on training imports.</summary>
    public int TrainingImportsPerMinute { get; init; } = 10_000;

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert them.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before the host is built.
        builder.UseSetting("ConnectionStrings:KneeReset", $"Data Source={DatabaseFile}");
        builder.UseSetting("RateLimits:TokenLookupsPerMinute", TokenLookupsPerMinute.ToString(CultureInfo.InvariantCulture));
        foreach (var limit in new[] { "AssessmentsPerMinute", "DraftsPerMinute", "SessionLogsPerMinute" })
        {
            builder.UseSetting($"RateLimits:{limit}", "100000");
        }
        builder.UseSetting("RateLimits:TrainingImportsPerMinute", TrainingImportsPerMinute.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The test client's own address, so absolute links point back at the app under test.
        builder.UseSetting("App:PublicBaseUrl", "http://localhost");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), "kneereset-tests-keys"));
        builder.UseSetting("Media:Path", Path.Combine(Path.GetTempPath(), "kneereset-tests-media"));
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "content", "questionnaire.json")))
        {
            builder.UseSetting("Content:Path", TestFiles.RepositoryContentFolder());
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(DatabaseFile + suffix);
        }
    }
}
