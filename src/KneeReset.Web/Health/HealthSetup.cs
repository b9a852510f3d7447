using KneeReset.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeReset.Web.Health;

/// <summary>
/// Liveness (/healthz/live) runs no check: the process answers. Readiness (/healthz/ready, and
/// /healthz for older probes) runs every check tagged <see cref="ReadyTag"/>: the database reads
/// and takes a write, the disks have room, and (degraded only) media uploads and the shared cache work.
/// A change of readiness is logged once (<see cref="ReadinessLog"/>); the framework's and EF's
/// own lines during a probe are not (see Logging), so an outage is not a stack trace per probe.
/// </summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddKneeResetHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<KneeResetDbContext>("database", tags: [ReadyTag])
            .AddCheck<StoreWriteCheck>("database-write", tags: [ReadyTag])
            .AddCheck<MediaWriteCheck>("media-write", HealthStatus.Degraded, [ReadyTag])
            .AddCheck<DiskSpaceCheck>("disk-space", tags: [ReadyTag])
            .AddCheck<KeyRingCheck>("data-protection-keys", tags: [ReadyTag])
            .AddCheck<Caching.SharedCacheCheck>("shared-cache", HealthStatus.Degraded, [ReadyTag]);
        services.AddOptions<DiskSpaceOptions>().Bind(configuration.GetSection(DiskSpaceOptions.Section))
            .Validate(o => o.MinFreeDiskMegabytes >= 0, "Health:MinFreeDiskMegabytes must be 0 or more.")
            .ValidateOnStart();
        services.AddSingleton<FreeDiskSpace>();
        services.AddSingleton<ReadinessLog>();
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        var readiness = app.ServiceProvider.GetRequiredService<ReadinessLog>();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = readiness.WriteAsync });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = readiness.WriteAsync });
        return app;
    }
}
