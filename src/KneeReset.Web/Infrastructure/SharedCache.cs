using KneeReset.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeReset.Web.Infrastructure;

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
/// everywhere within that time. Call after AddOutputCache.
/// </summary>
public static class SharedCache
{
    public static IServiceCollection AddKneeResetSharedCache(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SharedCacheOptions.Section);
        var settings = section.Get<SharedCacheOptions>() ?? new SharedCacheOptions();
        services.AddOptions<SharedCacheOptions>().Bind(section)
            .Validate(o => o.LocalLifetimeSeconds >= 0, "Redis:LocalLifetimeSeconds must be 0 or more.")
            .ValidateOnStart();
        if (settings.Configuration is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = settings.InstanceName;
            });
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
