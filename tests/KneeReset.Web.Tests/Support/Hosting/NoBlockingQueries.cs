using System.Data.Common;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests;

/// <summary>
/// Fails any synchronous database command sent while a request is served: on PostgreSQL it holds a
/// thread-pool thread for the round trip, and under load the pool starves (a synchronous query
/// behind the library stamp once gave the POST a 1 s p99, docs/performance.md). Data Protection's
/// key store is synchronous by design (its interface is) and reads the keys once, so it is let through.
/// </summary>
public sealed class NoBlockingQueries : DbCommandInterceptor
{
    // The app registers the accessor (for its logs), so its requests set it; the test's own queries run outside any request.
    private static readonly HttpContextAccessor Requests = new();

    /// <summary>On either provider: PostgreSQL's context is a subclass with options of its own.</summary>
    public static void AddTo(IServiceCollection services)
    {
        var guard = new NoBlockingQueries();
        services.ConfigureDbContext<KneeResetDbContext>(options => options.AddInterceptors(guard));
        services.ConfigureDbContext<PostgresKneeResetDbContext>(options => options.AddInterceptors(guard));
    }

    private static void Refuse(DbCommand command)
    {
        if (Requests.HttpContext is { } request && !command.CommandText.Contains("\"DataProtectionKeys\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A synchronous database command while serving {request.Request.Method} {request.Request.Path}: {command.CommandText}");
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Refuse(command);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refuse(command);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Refuse(command);
        return result;
    }
}
