using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeReset.Web.Tests;

/// <summary>
/// The test store: a database of its own for one app under test, removed when the app is done.
/// <see cref="CreateFresh"/> gives a copy of <see cref="StoreTemplate"/> (migrated and seeded once
/// per test run), so the app's start finds nothing to do; the constructors give an empty database,
/// which the app migrates and seeds on start as it does in production. Which provider is
/// <see cref="TestServices.Provider"/>'s choice (KNEERESET_TEST_PROVIDER): SQLite files by
/// default, PostgreSQL databases on the server .ci/services.sh starts; no test changes with it.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The app's Database:Provider setting for this store.</summary>
    public abstract string Provider { get; }

    /// <summary>The app's ConnectionStrings:KneeReset setting for this store.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>An empty database of the run's provider.</summary>
    public static TestDatabase CreateEmpty() => TestServices.Provider == "Postgres" ? new PostgresTestDatabase() : new SqliteTestDatabase();

    /// <summary>A store of its own as the app's first start leaves it: a copy of <see cref="StoreTemplate"/>.</summary>
    public static TestDatabase CreateFresh() => StoreTemplate.Get() switch
    {
        PostgresTestDatabase template => new PostgresTestDatabase(template),
        SqliteTestDatabase template => new SqliteTestDatabase(template),
        var other => throw new InvalidOperationException($"No copy for {other.GetType().Name}."),
    };

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
    /// <summary>An empty file, migrated and seeded by the first app that starts on it.</summary>
    public SqliteTestDatabase()
    {
    }

    /// <summary>A copy of <paramref name="template"/>'s file (checkpointed, so the file alone holds it all).</summary>
    internal SqliteTestDatabase(SqliteTestDatabase template) => System.IO.File.Copy(template.File, File);

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
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal", ".startup-lock", StoreBaseline.BaselineSuffix })
        {
            System.IO.File.Delete(File + suffix);
        }
    }
}

/// <summary>A database of its own on the test PostgreSQL server (KNEERESET_TEST_POSTGRES), dropped on dispose.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    /// <summary>An empty database, migrated and seeded by the first app that starts on it.</summary>
    public PostgresTestDatabase() : this(template: null)
    {
    }

    /// <summary>A copy of <paramref name="template"/> (CREATE DATABASE … TEMPLATE: a file copy on the server, nobody may be connected to the template).</summary>
    internal PostgresTestDatabase(PostgresTestDatabase? template)
    {
        Name = $"kneereset_test_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        connection.Open();
        // From PostgreSQL 15 a copy is written block by block to the WAL unless FILE_COPY is asked
        // for: a copy of a seeded test database took 0.17–0.18 s that way against 0.10 s (psql, start included).
        var copy = template is null ? "" : $" TEMPLATE \"{template.Name}\"{(connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY = FILE_COPY" : "")}";
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"{copy}", connection);
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
