using KneeReset.Web.Content;
using KneeReset.Web.Library;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeReset.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite today; the DbContext is provider-neutral so PostgreSQL can be added with its own migrations.</summary>
    public string Provider { get; set; } = "Sqlite";
}

public static class StoreSetup
{
    public const string ConnectionStringName = "KneeReset";
    public const string DefaultConnectionString = "Data Source=data/kneereset.db";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddKneeResetStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString;
        services.AddDbContext<KneeResetDbContext>(options =>
        {
            switch (database.Provider.ToLowerInvariant())
            {
                case "sqlite":
                    options.UseSqlite(SqliteFile(connectionString, environment.ContentRootPath));
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported; use 'Sqlite'.");
            }
        });
        services.AddScoped<LibrarySeeder>();
        // Liveness (/healthz/live) runs none of these; readiness (/healthz/ready, /healthz) runs them all.
        services.AddHealthChecks()
            .AddDbContextCheck<KneeResetDbContext>("database", tags: [ReadyTag])
            .AddCheck<StoreWriteCheck>("database-write", tags: [ReadyTag])
            .AddCheck<MediaWriteCheck>("media-write", HealthStatus.Degraded, [ReadyTag]);
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder when missing.</summary>
    private static string SqliteFile(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }

    /// <summary>Applies migrations and seeds the library from content/, before the app takes requests.</summary>
    public static async Task InitialiseStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var content = scope.ServiceProvider.GetRequiredService<ContentCatalog>();
        await scope.ServiceProvider.GetRequiredService<LibrarySeeder>().SeedAsync(content.Path, cancellationToken);
    }
}
