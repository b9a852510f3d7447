using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Health;

/// <summary>Ready only when the database takes a write: a store that only reads loses every answer.</summary>
public sealed class StoreWriteCheck(KneeResetDbContext db, Caching.BulkChanges bulk, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = clock.GetUtcNow();
            if (await bulk.UpdateAsync(db.HealthProbes.Where(p => p.Id == 1), set => set.Set(p => p.CheckedAt, now), cancellationToken) == 0)
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

public sealed class DiskSpaceOptions
{
    public const string Section = "Health";

    /// <summary>Below this much free space under the SQLite database the instance is not ready; under the media folder, degraded.</summary>
    public int MinFreeDiskMegabytes { get; set; } = 100;
}

/// <summary>Free space on the file system holding a folder (a seam: tests make a disk look full).</summary>
public class FreeDiskSpace
{
    public virtual long BytesFree(string folder) => new DriveInfo(folder).AvailableFreeSpace;
}

/// <summary>
/// Room on the disks the app writes to. The write probe rewrites one row in place, which a nearly
/// full disk still takes while new answers (new pages in the file) fail: so the free space itself is
/// checked. Under the SQLite database, too little is not ready; under the media folder, degraded.
/// PostgreSQL's disk is the database server's to watch.
/// </summary>
public sealed class DiskSpaceCheck(KneeResetDbContext db, IOptions<MediaOptions> media, IOptions<DiskSpaceOptions> options, IHostEnvironment environment, FreeDiskSpace disk) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = options.Value.MinFreeDiskMegabytes * 1024L * 1024L;
        try
        {
            if (db.Database.IsSqlite() && Path.GetDirectoryName(db.Database.GetDbConnection().DataSource) is { Length: > 0 } store
                && disk.BytesFree(store) is var storeFree && storeFree < minimum)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"The database's disk has {Megabytes(storeFree)} free, less than Health:MinFreeDiskMegabytes ({options.Value.MinFreeDiskMegabytes} MB): new answers would not be saved."));
            }
            var pictures = Path.GetFullPath(media.Value.Path, environment.ContentRootPath);
            if (Directory.Exists(pictures) && disk.BytesFree(pictures) is var picturesFree && picturesFree < minimum)
            {
                return Task.FromResult(HealthCheckResult.Degraded(
                    $"The media folder's disk has {Megabytes(picturesFree)} free, less than Health:MinFreeDiskMegabytes ({options.Value.MinFreeDiskMegabytes} MB): picture uploads may fail."));
            }
            return Task.FromResult(HealthCheckResult.Healthy("The disks have room."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The free disk space could not be read.", e));
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
