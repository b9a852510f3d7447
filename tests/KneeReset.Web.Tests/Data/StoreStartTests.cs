using KneeReset.Web.Data;

namespace KneeReset.Web.Tests.Data;

/// <summary>
/// Choosing the store: a wrong provider or a PostgreSQL without a connection string stops the app
/// with a message naming the setting; instances starting together take turns to migrate and seed
/// (<see cref="StartupLock"/>) on either provider.
/// </summary>
public sealed class StoreStartTests(StoreStartTests.UnknownProviderApp unknown, StoreStartTests.PostgresWithoutConnectionApp noConnection)
    : IClassFixture<StoreStartTests.UnknownProviderApp>, IClassFixture<StoreStartTests.PostgresWithoutConnectionApp>
{
    [Fact]
    public void An_unknown_provider_stops_the_app_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => unknown.CreateClient());

        Assert.Contains("Database:Provider must be 'Sqlite' or 'Postgres'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_app_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => noConnection.CreateClient());

        Assert.Contains("ConnectionStrings:KneeReset must name the database", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_sqlite_instance_waits_while_the_first_migrates()
    {
        using var database = new SqliteTestDatabase();
        var settings = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, ConnectionString = database.ConnectionString };

        await WaitsForTheFirstAsync(settings);
    }

    [PostgresFact]
    public async Task A_second_postgres_instance_waits_while_the_first_migrates()
    {
        using var database = new PostgresTestDatabase();
        var settings = new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = database.ConnectionString };

        await WaitsForTheFirstAsync(settings);
    }

    /// <summary>While one holds the lock another cannot take it; once released, it can.</summary>
    private static async Task WaitsForTheFirstAsync(DatabaseOptions settings)
    {
        var root = Path.GetTempPath();
        var first = await StartupLock.AcquireAsync(settings, root, CancellationToken.None);

        // The second instance waits: it has not got the lock when its caller gives up.
        using (var givesUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StartupLock.AcquireAsync(settings, root, givesUp.Token));
        }
        var second = StartupLock.AcquireAsync(settings, root, CancellationToken.None);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public sealed class UnknownProviderApp() : KneeResetFactory([new("Database:Provider", "Oracle")]);

    /// <summary>Postgres chosen, but the connection string left at appsettings' SQLite default.</summary>
    public sealed class PostgresWithoutConnectionApp() : KneeResetFactory([new("Database:Provider", "Postgres"), new("ConnectionStrings:KneeReset", "Data Source=data/kneereset.db")]);
}
