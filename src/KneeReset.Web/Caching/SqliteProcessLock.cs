using KneeReset.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Caching;

/// <summary>
/// On SQLite the caches in memory (<see cref="ShareLinkStates"/>, <see cref="PublishedSnapshot"/>,
/// the output cache) are trusted because this process saves every change: a second process on the
/// same file would keep serving a revoked link or an old routine. So the process that serves the
/// site holds an exclusive lock on a file beside the database for as long as it runs, and a second
/// one stops at start with a message saying so. (<see cref="StartupLock"/> only takes turns at start,
/// for the staff command and for PostgreSQL's several instances.) PostgreSQL takes nothing here.
/// </summary>
public sealed class SqliteProcessLock : IDisposable
{
    /// <summary>The file beside a SQLite database that the serving process holds.</summary>
    public const string Suffix = ".process-lock";

    private readonly FileStream? _file;

    public SqliteProcessLock(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        var database = options.Value;
        if (!database.IsSqlite)
        {
            return;
        }
        var file = new SqliteConnectionStringBuilder(StoreSetup.SqliteFile(database.ConnectionString ?? StoreSetup.DefaultConnectionString, environment.ContentRootPath)).DataSource;
        if (file is not { Length: > 0 } || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return; // nothing another process could share
        }
        try
        {
            // Removed as it is let go (still held while it is unlinked): a stopped site leaves no file behind.
            _file = new FileStream(file + Suffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"Another KneeReset process is already serving the SQLite database {file} (it holds {file + Suffix}). "
                + "On SQLite run one process: its caches live in memory and would not learn of the other's changes (a revoked link, an edited routine). "
                + "Stop the other process, or use PostgreSQL for several instances (docs/deploy.md).", e);
        }
    }

    public void Dispose() => _file?.Dispose();
}
