using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeReset.Web.Tests;

/// <summary>
/// The test store: a fresh, empty database for one app under test, removed when the app is done.
/// The app migrates and seeds it on start, as it does in production. Which provider is
/// <see cref="TestServices.Provider"/>'s choice (KNEERESET_TEST_PROVIDER): SQLite files by
/// default, PostgreSQL databases on the server .ci/services.sh starts; no test changes with it.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The app's Database:Provider setting for this store.</summary>
    public abstract string Provider { get; }

    /// <summary>The app's ConnectionStrings:KneeReset setting for this store.</summary>
    public abstract string ConnectionString { get; }

    public static TestDatabase CreateFresh() => TestServices.Provider == "Postgres" ? new PostgresTestDatabase() : new SqliteTestDatabase();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary>A SQLite file of its own in the temporary folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"kneereset-tests-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File }.ToString();

    protected override void Dispose(bool disposing)
    {
        // Pooled connections keep the file open; only this database's pool is cleared, other apps keep theirs.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal", ".startup-lock" })
        {
            System.IO.File.Delete(File + suffix);
        }
    }
}

/// <summary>A database of its own on the test PostgreSQL server (KNEERESET_TEST_POSTGRES), dropped on dispose.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public PostgresTestDatabase()
    {
        Name = $"kneereset_test_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        command.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServices.RequirePostgres()) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    public override string Provider => "Postgres";

    public override string ConnectionString { get; }

    protected override void Dispose(bool disposing)
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        using var server = new NpgsqlConnection(TestServices.RequirePostgres());
        server.Open();
        // FORCE ends what is still connected (a background job of the app just stopped).
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", server);
        command.ExecuteNonQuery();
    }
}
