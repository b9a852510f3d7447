using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeReset.Web.Caching;

/// <summary>
/// Readiness of the shared output cache: Degraded, never Unhealthy, while Redis does not answer,
/// because every page still answers (without the cache, see <see cref="SharedCacheBreaker"/>).
/// </summary>
public sealed class SharedCacheCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<SharedCacheBreaker>() is not { } breaker)
        {
            return HealthCheckResult.Healthy("No Redis is configured: each instance keeps its own output cache.");
        }
        return await breaker.AnswersAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Redis answers.")
            : HealthCheckResult.Degraded($"Redis does not answer: pages are served without the shared output cache ({breaker.MissedEvictions} missed evictions wait for it).");
    }
}
