using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Sqlite (the zero-setup default: one file beside the app) or Postgres (several instances share one database).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>ConnectionStrings:KneeReset, copied here so it is validated with the provider.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long, in seconds of waiting in all, a starting instance tries again to reach PostgreSQL (<see cref="DatabaseStartRetry"/>).</summary>
    public int StartRetrySeconds { get; set; } = 60;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}

public static partial class StoreSetup
{
    public const string ConnectionStringName = "KneeReset";
    public const string DefaultConnectionString = "Data Source=data/kneereset.db";

    public static IServiceCollection AddKneeResetStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(ConnectionStringName) ?? (o.IsSqlite ? DefaultConnectionString : null))
            .Validate(o => o.IsSqlite || o.IsPostgres, $"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}'.")
            .Validate(o => !o.IsPostgres || NamesAPostgresServer(o.ConnectionString),
                "Database:Provider is Postgres, so ConnectionStrings:KneeReset must name the database (Host=...;Database=...;Username=...;Password=...), not a SQLite file.")
            .Validate(o => o.StartRetrySeconds is >= 0 and <= 3600, "Database:StartRetrySeconds must be 0 to 3600 (seconds of waiting for PostgreSQL at start).")
            .ValidateOnStart();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Pooled: the context keeps no state of its own, and a request then skips building one.
        // Interceptors that features register (IInterceptor) see every save.
        if (database.IsPostgres)
        {
            // One model, its own migrations: the app asks for KneeResetDbContext and gets the PostgreSQL one.
            services.AddDbContextPool<KneeResetDbContext, PostgresKneeResetDbContext>((sp, options) =>
                options.UseNpgsql(Settings(sp).ConnectionString).AddInterceptors([MicrosecondTimestamps.Instance, .. sp.GetServices<IInterceptor>()]));
        }
        else
        {
            services.AddDbContextPool<KneeResetDbContext>((sp, options) =>
                options.UseSqlite(SqliteFile(Settings(sp).ConnectionString ?? DefaultConnectionString, environment.ContentRootPath))
                    .AddInterceptors([MicrosecondTimestamps.Instance, SqliteTuning.Instance, .. sp.GetServices<IInterceptor>()]));
        }
        return services;
    }

    /// <summary>The validated settings: a wrong provider or a missing connection string stops the app here, naming the setting.</summary>
    private static DatabaseOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    /// <summary>A PostgreSQL connection string with a host: the SQLite default ("Data Source=...") left in place is not one.</summary>
    private static bool NamesAPostgresServer(string? connectionString)
    {
        try
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host is { Length: > 0 };
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder when missing.</summary>
    internal static string SqliteFile(string connectionString, string contentRoot)
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

    /// <summary>
    /// Applies migrations, then runs each of <paramref name="thenUnderLock"/> (seeding the library
    /// from content/, the staff roles and first admin) in a scope of its own, before the app takes requests. All of it under
    /// <see cref="StartupLock"/>, so instances starting together take turns instead of racing.
    /// </summary>
    /// <returns>The migrations this call applied, oldest first (none: the schema was up to date).</returns>
    public static async Task<IReadOnlyList<string>> InitialiseStoreAsync(this IServiceProvider services, params Func<IServiceProvider, Task>[] thenUnderLock)
    {
        IReadOnlyList<string> applied;
        var environment = services.GetRequiredService<IHostEnvironment>();
        // Stopping the app while it waits for the lock or migrates ends the wait.
        var cancellationToken = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup).FullName!);
        // Taking the lock is the first contact with PostgreSQL: a server not up yet is waited for there.
        var settings = Settings(services);
        var retry = new DatabaseStartRetry(TimeSpan.FromSeconds(settings.StartRetrySeconds), logger);
        await using (await retry.RunAsync(ct => StartupLock.AcquireAsync(settings, environment.ContentRootPath, ct), cancellationToken))
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
                // EF logs reading a missing history table as an error (efcore#37328, on PostgreSQL):
                // an existing but empty database gets the table first, so a first start logs no error.
                if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
                {
                    await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                }
                applied = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrations(logger, applied);
                if (db.Database.IsSqlite())
                {
                    await SqliteTuning.UseWriteAheadLogAsync(db, cancellationToken);
                }
            }
            foreach (var step in thenUnderLock)
            {
                await using var scope = services.CreateAsyncScope();
                await step(scope.ServiceProvider);
            }
        }
        return applied;
    }

    /// <summary>Every start names what it changed in the schema, so an upgrade can be checked in the log.</summary>
    private static void LogMigrations(ILogger logger, IReadOnlyList<string> applied)
    {
        if (applied.Count > 0)
        {
            MigrationsApplied(logger, applied.Count, applied);
        }
        else
        {
            SchemaUpToDate(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {MigrationCount} database migrations: {Migrations}")]
    private static partial void MigrationsApplied(ILogger logger, int migrationCount, IReadOnlyList<string> migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database schema is up to date: no migrations to apply")]
    private static partial void SchemaUpToDate(ILogger logger);
}
