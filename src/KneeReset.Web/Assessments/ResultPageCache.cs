using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeReset.Web.Assessments;

/// <summary>
/// The shared result page (/r/{token}) comes from the output cache, safely:
/// before any lookup, one indexed query reads the link's state, so a revoked, expired or
/// passcode-protected link is never answered from the cache, on any instance and at once;
/// signed-in clinicians and anything that sets a cookie bypass it (the default policy).
/// What the page shows (the plan, the sessions, the history) is evicted by every save that
/// changes it, through <see cref="ResultPageEviction"/>, and by every library change.
/// </summary>
public sealed class ResultPageCache : IOutputCachePolicy
{
    public const string Policy = "result-page";
    public const string AllTag = "result-pages";

    /// <summary>Bounds what eviction cannot reach: another instance's local cache, time passing.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(Policy, policy => policy.AddPolicy<ResultPageCache>());

    public static string SeriesTag(string seriesKey) => $"result-series:{seriesKey}";

    private sealed record LinkState(string SeriesKey, bool Protected, bool Revoked, DateTimeOffset? ExpiresAt);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (!context.EnableOutputCaching)
        {
            return;
        }
        // One policy serves every request: the request's own services give the store and the clock.
        var db = context.HttpContext.RequestServices.GetRequiredService<KneeResetDbContext>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var token = context.HttpContext.GetRouteValue("token") as string;
        var link = ShareToken.LooksValid(token)
            ? await db.Assessments.AsNoTracking().Where(a => a.Token == token)
                .Select(a => new LinkState(a.SeriesKey, a.PasscodeHash != null, a.ShareRevoked, a.ShareExpiresAt)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var left = link is null ? TimeSpan.Zero : link.ExpiresAt - clock.GetUtcNow();
        if (link is null || link.Protected || link.Revoked || left <= TimeSpan.Zero)
        {
            // The page itself answers: a 404, or the passcode form.
            context.EnableOutputCaching = false;
            return;
        }
        context.Tags.Add(SeriesTag(link.SeriesKey));
        context.Tags.Add(AllTag);
        context.Tags.Add(LibraryCache.Tag);
        context.ResponseExpirationTimeSpan = left < Lifetime ? left : Lifetime;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>
/// After a save that adds, changes or removes an assessment, a session or a clinician's plan,
/// evicts the cached result pages of that assessment's whole series (the history shows them all).
/// </summary>
public sealed class ResultPageEviction(IOutputCacheStore store) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<string>> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && await SeriesTouchedAsync(db, cancellationToken) is { Count: > 0 } series)
        {
            _pending.AddOrUpdate(db, series);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var series))
        {
            _pending.Remove(db);
            foreach (var key in series)
            {
                await store.EvictByTagAsync(ResultPageCache.SeriesTag(key), cancellationToken);
            }
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => Forget(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => Forget(eventData);

    // Pooled contexts live on: nothing pending may outlast the save it belonged to.
    private Task Forget(DbContextEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
        return Task.CompletedTask;
    }

    private static async Task<List<string>> SeriesTouchedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var series = changed.Select(e => e.Entity).OfType<StoredAssessment>().Select(a => a.SeriesKey).ToHashSet(StringComparer.Ordinal);
        var ids = changed.Select(e => e.Entity switch
        {
            RoutineSession s => s.AssessmentId,
            ClinicianPlan p => p.AssessmentId,
            _ => null,
        }).OfType<int>().Distinct().ToList();
        if (ids.Count > 0)
        {
            series.UnionWith(await db.Set<StoredAssessment>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.SeriesKey).ToListAsync(cancellationToken));
        }
        return [.. series];
    }
}
