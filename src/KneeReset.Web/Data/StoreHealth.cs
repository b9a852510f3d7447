using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Data;

/// <summary>One row the readiness check rewrites, to prove the store takes writes.</summary>
public sealed class HealthProbe
{
    public int Id { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>Ready only when the database takes a write: a store that only reads loses every answer.</summary>
public sealed class StoreWriteCheck(KneeResetDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = clock.GetUtcNow();
            if (await db.HealthProbes.Where(p => p.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(p => p.CheckedAt, now), cancellationToken) == 0)
            {
                db.HealthProbes.Add(new HealthProbe { Id = 1, CheckedAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            return HealthCheckResult.Healthy("The database takes writes.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not take writes.", e);
        }
    }
}

/// <summary>Pictures can still be uploaded: the media folder takes a file. Degraded (still ready) when not.</summary>
public sealed class MediaWriteCheck(IOptions<MediaOptions> options, IHostEnvironment environment) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("The media folder takes files.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Degraded("The media folder does not take files: picture uploads will fail.", e);
        }
    }
}
