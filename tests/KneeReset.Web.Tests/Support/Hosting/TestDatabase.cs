using Microsoft.Data.Sqlite;

namespace KneeReset.Web.Tests;

/// <summary>
/// The test store: a fresh, empty database for one app under test, removed when the app is done.
/// The app migrates and seeds it on start, as it does in production. SQLite is the only store
/// today; a PostgreSQL one would be a second subclass (a database created per app, or a template
/// reset with Respawn) chosen in <see cref="CreateFresh"/>, and the suite would run once per
/// provider without any test changing.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The app's Database:Provider setting for this store.</summary>
    public abstract string Provider { get; }

    /// <summary>The app's ConnectionStrings:KneeReset setting for this store.</summary>
    public abstract string ConnectionString { get; }

    public static TestDatabase CreateFresh() => new SqliteTestDatabase();

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
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            System.IO.File.Delete(File + suffix);
        }
    }
}
