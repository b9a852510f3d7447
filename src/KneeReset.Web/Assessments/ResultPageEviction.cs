using System.Data.Common;
using System.Runtime.CompilerServices;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeReset.Web.Assessments;

/// <summary>
/// After a save that adds, changes or removes an assessment, a session or a clinician's plan,
/// evicts the cached result pages of that assessment's whole series (the history shows them all).
/// A save that changes or removes an assessment may change its share link (revoked, replaced, a
/// passcode set), so the kept link states are forgotten too, once the change is committed: at the
/// end of the save, and again when an explicit transaction around it commits.
/// </summary>
public sealed class ResultPageEviction(IOutputCacheStore store, ShareLinkStates links) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed record Pending(List<string> Series, bool LinksChanged);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];
    private readonly ConditionalWeakTable<DbContext, object> _forgetOnCommit = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && await TouchedAsync(db, cancellationToken) is { } pending)
        {
            _pending.AddOrUpdate(db, pending);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            if (pending.LinksChanged)
            {
                links.ForgetAll();
                if (db.Database.CurrentTransaction is not null)
                {
                    _forgetOnCommit.AddOrUpdate(db, db);
                }
            }
            foreach (var key in pending.Series)
            {
                await store.EvictByTagAsync(ResultPageCache.SeriesTag(key), cancellationToken);
            }
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => Drop(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => Drop(eventData);

    // A state read between the save and the commit saw the old link: forget again once it is committed.
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _forgetOnCommit.Remove(db))
        {
            links.ForgetAll();
        }
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            _forgetOnCommit.Remove(db);
        }
        return Task.CompletedTask;
    }

    // Pooled contexts live on: nothing pending may outlast the save it belonged to.
    private Task Drop(DbContextEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
        return Task.CompletedTask;
    }

    private static async Task<Pending?> TouchedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var assessments = changed.Where(e => e.Entity is StoredAssessment).ToList();
        var series = assessments.Select(e => ((StoredAssessment)e.Entity).SeriesKey).ToHashSet(StringComparer.Ordinal);
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
        // A new assessment brings a new link, which no one has looked up yet: nothing to forget.
        var linksChanged = assessments.Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        return series.Count > 0 || linksChanged ? new Pending([.. series], linksChanged) : null;
    }
}
