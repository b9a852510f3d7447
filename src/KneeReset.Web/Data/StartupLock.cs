using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeReset.Web.Data;

/// <summary>
/// One instance at a time migrates, seeds and creates the first admin: two instances starting
/// together would otherwise both create the same tables, routines or roles. On PostgreSQL a
/// session advisory lock (pg_advisory_lock) held on a connection of its own; on SQLite an
/// exclusive lock on a file beside the database (instances sharing a SQLite file share a disk).
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>Any fixed number; it names this app's lock among the database's advisory locks ("KneeRset").</summary>
    public const long AdvisoryLockKey = 0x4B6E_6565_5273_6574;

    /// <summary>The file beside a SQLite database that instances take turns to lock.</summary>
    public const string SqliteLockSuffix = ".startup-lock";

    private static readonly TimeSpan WaitAtMost = TimeSpan.FromMinutes(5);
    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private StartupLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    public static async Task<StartupLock> AcquireAsync(DatabaseOptions database, string contentRoot, CancellationToken cancellationToken)
    {
        if (database.IsPostgres)
        {
            // Not pooled: a session lock must end with this connection, never linger on a pooled one.
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
                command.CommandTimeout = (int)WaitAtMost.TotalSeconds;
                command.Parameters.AddWithValue("key", AdvisoryLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return new StartupLock(connection, null);
            }
            catch
            {
                await connection.DisposeAsync(); // a lock not taken leaves no session behind
                throw;
            }
        }
        var file = new SqliteConnectionStringBuilder(StoreSetup.SqliteFile(database.ConnectionString ?? StoreSetup.DefaultConnectionString, contentRoot)).DataSource;
        if (file is not { Length: > 0 } || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return new StartupLock(null, null); // nothing another process could share
        }
        return new StartupLock(null, await LockFileAsync(file + SqliteLockSuffix, cancellationToken));
    }

    /// <summary>Opens the lock file with no sharing (on Linux an exclusive flock), waiting while another instance holds it.</summary>
    private static async Task<FileStream> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + WaitAtMost;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another instance is migrating; it holds the lock for seconds at most.
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection))
            {
                command.Parameters.AddWithValue("key", AdvisoryLockKey);
                await command.ExecuteNonQueryAsync();
            }
            await _connection.DisposeAsync();
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
