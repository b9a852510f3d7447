using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

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

    // synchronous and busy_timeout belong to each native connection, which the driver pools and
    // hands out again: set them once per native connection, not on every open. With busy_timeout
    // a writer that finds another writing waits inside SQLite, in steps of a few milliseconds;
    // without it the driver retries in its own loop with sleeps, which set POST p99 at 32 connections.
    private readonly ConditionalWeakTable<sqlite3, object> _tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    private void Tune(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _tuned.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        _tuned.AddOrUpdate(handle, handle);
    }
}
