using System.Data.Common;
using System.Diagnostics;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Areas.Staff.Library;

/// <summary>
/// What the app asks of the store while it serves library imports (POST /Staff/Library/Transfer):
/// saves, commands, writes and transactions, counted; and how long the longest transaction held
/// the store, for measurements only (tests assert counts, never time).
/// </summary>
public sealed class ImportTraffic : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // The app registers the accessor (for its logs), so its requests set it; the test's own queries run outside any request.
    private static readonly HttpContextAccessor Requests = new();

    private int _saves;
    private int _commands;
    private int _writes;
    private int _transactions;
    private long _startedAt;
    private long _longestTicks;

    public sealed record Counts(int Saves, int Commands, int Writes, int Transactions);

    public Counts Current => new(_saves, _commands, _writes, _transactions);

    /// <summary>How long the longest transaction of an import stayed open (the SQLite write lock is held that long).</summary>
    public TimeSpan LongestTransaction => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _longestTicks));

    /// <summary>Runs once, before the first command of an import whose SQL contains the text (a change made at that moment).</summary>
    public void BeforeCommand(string sqlPart, Func<Task> change) => _beforeCommand = new Hook(sqlPart, change);

    private sealed record Hook(string SqlPart, Func<Task> Change);

    private Hook? _beforeCommand;

    public void Reset()
    {
        (_saves, _commands, _writes, _transactions) = (0, 0, 0, 0);
        Interlocked.Exchange(ref _longestTicks, 0);
    }

    public static void AddTo(IServiceCollection services, ImportTraffic traffic)
    {
        services.ConfigureDbContext<KneeResetDbContext>(options => options.AddInterceptors(traffic));
        services.ConfigureDbContext<PostgresKneeResetDbContext>(options => options.AddInterceptors(traffic));
    }

    private static bool Importing => Requests.HttpContext?.Request is { Method: "POST" } request
        && request.Path.StartsWithSegments("/Staff/Library/Transfer", StringComparison.OrdinalIgnoreCase);

    private async Task CommandAsync(DbCommand command)
    {
        if (!Importing)
        {
            return;
        }
        if (_beforeCommand is { } hook && command.CommandText.Contains(hook.SqlPart, StringComparison.Ordinal)
            && Interlocked.CompareExchange(ref _beforeCommand, null, hook) is not null)
        {
            await hook.Change();
        }
        Interlocked.Increment(ref _commands);
        var sql = command.CommandText.TrimStart();
        if (new[] { "INSERT", "UPDATE", "DELETE" }.Any(w => sql.Contains(w + " ", StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _writes);
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await CommandAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CommandAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await CommandAsync(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Importing)
        {
            Interlocked.Increment(ref _saves);
        }
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (Importing)
        {
            Interlocked.Increment(ref _transactions);
            Interlocked.Exchange(ref _startedAt, Stopwatch.GetTimestamp());
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Ended();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Ended();

    private Task Ended()
    {
        if (Importing)
        {
            var held = Stopwatch.GetTimestamp() - Interlocked.Read(ref _startedAt);
            if (held > Interlocked.Read(ref _longestTicks))
            {
                Interlocked.Exchange(ref _longestTicks, held);
            }
        }
        return Task.CompletedTask;
    }
}
