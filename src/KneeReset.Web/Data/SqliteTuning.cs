using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeReset.Web.Data;

/// <summary>
/// SQLite in write-ahead-log mode: readers no longer wait for a writer, and a commit appends to
/// the log instead of rewriting pages. With WAL, synchronous=NORMAL still survives an app crash
/// (kill -9); only a power cut can lose the last commits, which the backups in docs/deploy.md cover.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    private SqliteTuning()
    {
    }

    /// <summary>WAL is a property of the database file: set once, at start-up.</summary>
    public static Task UseWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    // synchronous is a property of each connection; pooled connections keep it, so this is cheap.
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    private static void Tune(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
