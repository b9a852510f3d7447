using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Caching;

public static class CachingSetup
{
    /// <summary>
    /// Everything the app keeps: the output cache and its policies (in Redis when configured), the
    /// share links' states and the published library in memory, and the one path that forgets them
    /// after a committed change (<see cref="CacheEviction"/>, <see cref="BulkChanges"/>).
    /// </summary>
    public static IServiceCollection AddCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutputCache(CachePolicies.Configure);
        services.AddKneeResetSharedCache(configuration);
        // Kept without asking the store only where this process saves every change: SQLite, one process.
        services.AddSingleton(sp => new ShareLinkStates(enabled: IsSqlite(sp)));
        services.AddSingleton<CacheEviction>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CacheEviction>());
        services.AddScoped<BulkChanges>();
        services.AddSingleton<SqliteProcessLock>();
        return services;
    }

    /// <summary>
    /// The published library kept in memory, in views of <typeparamref name="TView"/> (the library's
    /// own shape): forgotten by <see cref="CacheEviction"/> after every committed library change.
    /// </summary>
    public static IServiceCollection AddPublishedSnapshot<TView>(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PublishedSnapshot<TView>(forgottenOnEverySave: IsSqlite(sp)));
        services.AddSingleton<PublishedSnapshot>(sp => sp.GetRequiredService<PublishedSnapshot<TView>>());
        return services;
    }

    /// <summary>
    /// On SQLite, makes this the only process serving the file, or stops with why
    /// (<see cref="SqliteProcessLock"/>); held until the app is disposed.
    /// </summary>
    public static void HoldSqliteForThisProcess(this IServiceProvider services) => services.GetRequiredService<SqliteProcessLock>();

    private static bool IsSqlite(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsSqlite;
}
