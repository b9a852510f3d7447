using System.Net;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace KneeReset.Web.Caching;

public sealed class SharedCacheOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration ("redis:6379", "host:port,password=..."); set, the output cache lives in Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>A prefix for this app's keys, so one Redis can serve several deployments.</summary>
    public string InstanceName { get; set; } = "kneereset:";

    /// <summary>Without Redis on PostgreSQL, how long an instance keeps a cached page another instance cannot evict.</summary>
    public int LocalLifetimeSeconds { get; set; } = 10;
}

/// <summary>
/// Where the output cache lives, so that evicting the library (a routine published) reaches every
/// instance: in Redis when Redis:Configuration is set. Otherwise each instance keeps its own; on
/// SQLite there is one instance and its eviction is the whole story, on PostgreSQL there may be
/// several, so each keeps an entry for Redis:LocalLifetimeSeconds at most and a change shows
/// everywhere within that time. Called by <see cref="CachingSetup.AddCaching"/>, after AddOutputCache.
/// Redis may fail: <see cref="SharedCacheBreaker"/> stands in front of it, so every caller (pages,
/// evictions after a save, retention, seeding) carries on without it, and readiness says Degraded.
/// </summary>
public static class SharedCache
{
    /// <summary>
    /// StackExchange.Redis settings that fail fast: the cache only saves work, so waiting on Redis
    /// (5 s to connect, on every call while it is down) costs more than doing without it. Anything
    /// Redis:Configuration names itself wins.
    /// </summary>
    public const string FailFastDefaults = "connectTimeout=2000,syncTimeout=1000,asyncTimeout=1000,connectRetry=1,abortConnect=false";

    public static IServiceCollection AddKneeResetSharedCache(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SharedCacheOptions.Section);
        var settings = section.Get<SharedCacheOptions>() ?? new SharedCacheOptions();
        services.AddOptions<SharedCacheOptions>().Bind(section)
            .Validate(o => o.LocalLifetimeSeconds >= 0, "Redis:LocalLifetimeSeconds must be 0 or more.")
            .ValidateOnStart();
        if (settings.Configuration is { Length: > 0 } redis)
        {
            var redisOptions = RedisOptions(redis);
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.ConfigurationOptions = redisOptions;
                o.InstanceName = settings.InstanceName;
            });
            var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.RemoveAll<IOutputCacheStore>();
            // A page tagged at all carries one of these: what a long outage's missed evictions become.
            var everything = CachePolicies.EverythingTags;
            var server = string.Join(",", redisOptions.EndPoints.Select(e => e is DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : e.ToString()));
            services.AddSingleton(sp => new SharedCacheBreaker(Create(store, sp), server, everything,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SharedCacheBreaker>>()));
            services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<SharedCacheBreaker>());
            return services;
        }
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.IsPostgres && services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore)) is { } local)
        {
            var lifetime = TimeSpan.FromSeconds(settings.LocalLifetimeSeconds);
            services.Replace(ServiceDescriptor.Singleton<IOutputCacheStore>(sp => new ShortLivedStore(Create(local, sp), lifetime)));
        }
        return services;
    }

    /// <summary>Redis:Configuration over <see cref="FailFastDefaults"/>; a command that finds no connection fails at once instead of queueing.</summary>
    internal static ConfigurationOptions RedisOptions(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse($"{FailFastDefaults},{configuration}");
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Redis:Configuration is not a StackExchange.Redis configuration (\"host:port,password=...\"): {e.Message}", e);
        }
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Keys name the cached path, and a shared result's path carries its token: not in logged errors.
        options.IncludeDetailInExceptions = false;
        return options;
    }

    private static IOutputCacheStore Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IOutputCacheStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>This instance's own store, keeping nothing longer than <paramref name="lifetime"/>.</summary>
    private sealed class ShortLivedStore(IOutputCacheStore inner, TimeSpan lifetime) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            lifetime <= TimeSpan.Zero ? ValueTask.CompletedTask
            : inner.SetAsync(key, value, tags, validFor < lifetime ? validFor : lifetime, cancellationToken);
    }
}
