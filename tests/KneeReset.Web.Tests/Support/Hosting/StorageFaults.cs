using System.Data.Common;
using KneeReset.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests;

/// <summary>
/// A failing disk, on demand: once armed, every write statement the app sends whose SQL matches
/// fails as SQLite fails when it cannot write ("disk I/O error"). Reads keep working. Added to
/// the app's DbContext through <see cref="AddTo"/>; disarm it when the test is done.
/// </summary>
public sealed class StorageFaults : DbCommandInterceptor
{
    private volatile Func<string, bool>? _fails;

    /// <summary>On either provider: PostgreSQL's context is a subclass with options of its own.</summary>
    public static void AddTo(IServiceCollection services, StorageFaults faults)
    {
        services.ConfigureDbContext<KneeResetDbContext>(options => options.AddInterceptors(faults));
        services.ConfigureDbContext<PostgresKneeResetDbContext>(options => options.AddInterceptors(faults));
    }

    /// <summary>Fails every write whose SQL contains <paramref name="sqlPart"/> (any write when null).</summary>
    public IDisposable FailWrites(string? sqlPart = null)
    {
        _fails = sql => IsWrite(sql) && (sqlPart is null || sql.Contains(sqlPart, StringComparison.Ordinal));
        return new Disarm(this);
    }

    /// <summary>Fails every command, reads included, whose SQL contains <paramref name="sqlPart"/>.</summary>
    public IDisposable FailCommands(string sqlPart)
    {
        _fails = sql => sql.Contains(sqlPart, StringComparison.Ordinal);
        return new Disarm(this);
    }

    private static bool IsWrite(string sql)
    {
        var start = sql.TrimStart();
        return new[] { "INSERT", "UPDATE", "DELETE", "REPLACE" }.Any(w => start.StartsWith(w, StringComparison.OrdinalIgnoreCase))
            || start.Contains("\nINSERT", StringComparison.OrdinalIgnoreCase) || start.Contains("\nUPDATE", StringComparison.OrdinalIgnoreCase)
            || start.Contains("\nDELETE", StringComparison.OrdinalIgnoreCase);
    }

    private void Check(DbCommand command)
    {
        if (_fails is { } fails && fails(command.CommandText))
        {
            throw new SqliteException("SQLite Error 10: 'disk I/O error' (simulated by the test).", 10);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private sealed class Disarm(StorageFaults faults) : IDisposable
    {
        public void Dispose() => faults._fails = null;
    }
}
