using Microsoft.Data.Sqlite;
using Npgsql;
using Serilog.Events;

namespace KneeReset.Web.Tests;

/// <summary>
/// The store as the app's first start leaves it (migrated, library seeded from content/, staff
/// roles made), built once per test run by starting the app on an empty database. Every app under
/// test gets a copy (<see cref="TestDatabase.CreateFresh"/>): a file copy on SQLite, CREATE DATABASE
/// … TEMPLATE on PostgreSQL. Its own start then finds every migration applied and every item
/// seeded, and writes nothing: seconds per app saved. Tests that need an empty store (a backup
/// restored into one, instances racing to migrate) construct the database themselves.
/// </summary>
public static class StoreTemplate
{
    private static readonly Lazy<TestDatabase> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The template (built on first use, removed when the test run ends). Never start an app on it: copy it.</summary>
    public static TestDatabase Get() => Template.Value;

    private static TestDatabase Build()
    {
        var database = TestDatabase.CreateEmpty();
        try
        {
            using (var app = new FirstStart(database))
            {
                _ = app.Services; // starts the host: Program migrates, seeds and makes the roles
                // The first start on an empty database is still checked here, once (efcore#37328 logged an error on it).
                var errors = app.Log.Events.Where(e => e.Level >= LogEventLevel.Error).Select(LogCollector.Text).ToList();
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"The app's first start on an empty store logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
                }
            }
            Seal(database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.Dispose();
        return database;
    }

    /// <summary>
    /// Leaves nothing that would tie the copies together or to a connection: the Data Protection
    /// key the first start made goes (each app makes its own, as a fresh store does), SQLite's
    /// write-ahead log is folded into the file (a copy of the file alone is then whole), and nobody
    /// stays connected to the PostgreSQL template (it refuses to copy a database someone is connected to).
    /// </summary>
    private static void Seal(TestDatabase database)
    {
        const string RemoveKeys = "DELETE FROM \"DataProtectionKeys\"";
        switch (database)
        {
            case SqliteTestDatabase sqlite:
                using (var connection = new SqliteConnection(sqlite.ConnectionString))
                {
                    connection.Open();
                    using var command = new SqliteCommand($"{RemoveKeys}; PRAGMA wal_checkpoint(TRUNCATE);", connection);
                    command.ExecuteNonQuery();
                }
                using (var connection = new SqliteConnection(sqlite.ConnectionString))
                {
                    SqliteConnection.ClearPool(connection);
                }
                break;
            case PostgresTestDatabase postgres:
                using (var connection = new NpgsqlConnection(postgres.ConnectionString))
                {
                    connection.Open();
                    using var command = new NpgsqlCommand(RemoveKeys, connection);
                    command.ExecuteNonQuery();
                }
                // The app's connections may sit in a pool of EF's own (a data source) that no
                // ClearPool reaches: they are ended, and none may come back.
                using (var server = new NpgsqlConnection(TestServices.RequirePostgres()))
                {
                    server.Open();
                    using var command = new NpgsqlCommand(
                        $"ALTER DATABASE \"{postgres.Name}\" ALLOW_CONNECTIONS false; "
                        + $"SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = '{postgres.Name}' AND pid <> pg_backend_pid();",
                        server);
                    command.ExecuteNonQuery();
                }
                break;
        }
    }

    /// <summary>The app with the suite's usual settings on the template, started once and stopped.</summary>
    private sealed class FirstStart(TestDatabase database) : KneeResetFactory([], database);
}
