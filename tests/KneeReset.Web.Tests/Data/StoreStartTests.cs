using System.Net;
using System.Net.Sockets;
using KneeReset.Web.Data;
using Serilog.Events;

namespace KneeReset.Web.Tests.Data;

/// <summary>
/// Choosing the store: a wrong provider or a PostgreSQL without a connection string stops the app
/// with a message naming the setting; a PostgreSQL that does not answer is tried again for
/// Database:StartRetrySeconds, then stops the app the same way; instances starting together take turns to migrate and seed
/// (<see cref="StartupLock"/>) on either provider.
/// </summary>
public sealed class StoreStartTests(StoreStartTests.UnknownProviderApp unknown, StoreStartTests.PostgresWithoutConnectionApp noConnection, StoreStartTests.PostgresNotListeningApp notListening)
    : IClassFixture<StoreStartTests.UnknownProviderApp>, IClassFixture<StoreStartTests.PostgresWithoutConnectionApp>, IClassFixture<StoreStartTests.PostgresNotListeningApp>
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
    public void Postgres_on_a_closed_port_is_tried_again_then_stops_the_app_naming_the_setting()
    {
        var error = Assert.ThrowsAny<Exception>(() => notListening.CreateClient());

        Assert.Contains("PostgreSQL could not be reached within Database:StartRetrySeconds (3 s)", error.ToString(), StringComparison.Ordinal);
        // Tried at once, then after 1 and 2 seconds: one warning line for each try that failed but the last.
        var warnings = notListening.Log.Events.Where(e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("PostgreSQL is not reachable yet", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Null(w.Exception));
        Assert.DoesNotContain(notListening.Log.Events, e => LogCollector.Text(e).Contains(PostgresNotListeningApp.Password, StringComparison.Ordinal));
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

    /// <summary>Postgres on a port where nothing listens, waiting at most 3 seconds for it.</summary>
    public sealed class PostgresNotListeningApp() : KneeResetFactory([
        new("Database:Provider", "Postgres"),
        new("ConnectionStrings:KneeReset", $"Host=127.0.0.1;Port={ClosedPort()};Database=kneereset;Username=kneereset;Password={Password}"),
        new("Database:StartRetrySeconds", "3")])
    {
        public const string Password = "never-in-the-log-7f3a";

        /// <summary>A port that was free a moment ago: bound, read and let go.</summary>
        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
