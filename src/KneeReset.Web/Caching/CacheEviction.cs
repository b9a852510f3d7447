using System.Data.Common;
using System.Runtime.CompilerServices;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeReset.Web.Caching;

/// <summary>
/// The one path that forgets what is kept, after a change is committed: cached pages (by tag),
/// share-link states and the published library, as <see cref="EvictionTable"/> says. Every save,
/// sync or async, whoever makes it, passes through here (an EF interceptor), and so does every bulk
/// statement (<see cref="BulkChanges"/>). Outside a transaction a change is forgotten at the end of
/// its save; inside one, when the transaction commits (a rollback forgets nothing: nothing changed).
/// A visit that read the old rows before the commit cannot keep them after it (<see cref="ChangeGeneration"/>).
/// No feature calls an eviction of its own.
/// </summary>
public sealed class CacheEviction(IOutputCacheStore store, ShareLinkStates links, PublishedSnapshot snapshot)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Collected before the save, while the change tracker still says what changes.
    private readonly ConditionalWeakTable<DbContext, Forgetting> _saving = [];
    private readonly ConditionalWeakTable<DbContext, Forgetting> _onCommit = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            var forgetting = Collect(db);
            if (forgetting.AssessmentIds.Count > 0)
            {
                forgetting.Series.UnionWith([.. SeriesOf(db, forgetting.AssessmentIds)]);
            }
            _saving.AddOrUpdate(db, forgetting);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var forgetting = Collect(db);
            if (forgetting.AssessmentIds.Count > 0)
            {
                forgetting.Series.UnionWith(await SeriesOf(db, forgetting.AssessmentIds).ToListAsync(cancellationToken));
            }
            _saving.AddOrUpdate(db, forgetting);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context);
        return result;
    }

    // Pooled contexts live on: nothing collected may outlast the save it belonged to.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _onCommit.TryGetValue(db, out var forgetting))
        {
            _onCommit.Remove(db);
            await ForgetAsync(forgetting);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => DropOnCommit(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        DropOnCommit(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A bulk statement changed rows of <paramref name="entity"/> (<paramref name="columns"/>; null for a delete).</summary>
    internal ValueTask ChangedInBulkAsync(DbContext db, Type entity, IReadOnlyCollection<string>? columns)
    {
        var forgets = EvictionTable.ForBulk(entity, columns);
        var forgetting = new Forgetting
        {
            // Which rows changed is unknown: every result page, not one series.
            AllResultPages = forgets.HasFlag(Forgets.SeriesPages),
            LinkStates = forgets.HasFlag(Forgets.LinkStates),
            Library = forgets.HasFlag(Forgets.Library),
        };
        return ChangedAsync(db, forgetting);
    }

    private ValueTask SavedAsync(DbContext? db)
    {
        if (db is null || !_saving.TryGetValue(db, out var forgetting))
        {
            return ValueTask.CompletedTask;
        }
        _saving.Remove(db);
        return ChangedAsync(db, forgetting);
    }

    private ValueTask ChangedAsync(DbContext db, Forgetting forgetting)
    {
        if (forgetting.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }
        if (db.Database.CurrentTransaction is null)
        {
            // Left by a transaction disposed without a commit (it raises no rollback event): nothing it did stands.
            _onCommit.Remove(db);
            return ForgetAsync(forgetting);
        }
        if (_onCommit.TryGetValue(db, out var pending))
        {
            pending.Add(forgetting);
        }
        else
        {
            _onCommit.AddOrUpdate(db, forgetting);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs after the commit, so it must not fail or stop: no cancellation (the change is saved
    /// whatever the request does next), and Redis's failures are the breaker's (<see cref="SharedCacheBreaker"/>).
    /// </summary>
    private async ValueTask ForgetAsync(Forgetting forgetting)
    {
        if (forgetting.LinkStates)
        {
            links.ForgetAll();
        }
        if (forgetting.Library)
        {
            snapshot.Forget();
            await store.EvictByTagAsync(CachePolicies.LibraryTag, CancellationToken.None);
        }
        if (forgetting.AllResultPages)
        {
            await store.EvictByTagAsync(CachePolicies.ResultPagesTag, CancellationToken.None);
            return;
        }
        foreach (var key in forgetting.Series)
        {
            await store.EvictByTagAsync(CachePolicies.SeriesTag(key), CancellationToken.None);
        }
    }

    private void Drop(DbContext? db)
    {
        if (db is not null)
        {
            _saving.Remove(db);
        }
    }

    private void DropOnCommit(DbContext? db)
    {
        if (db is not null)
        {
            _onCommit.Remove(db);
        }
    }

    /// <summary>What the tracked changes forget, by <see cref="EvictionTable"/>; series named by an assessment id are left for the caller to look up.</summary>
    private static Forgetting Collect(DbContext db)
    {
        var forgetting = new Forgetting();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var forgets = EvictionTable.For(entry);
            forgetting.LinkStates |= forgets.HasFlag(Forgets.LinkStates);
            forgetting.Library |= forgets.HasFlag(Forgets.Library);
            if (forgets.HasFlag(Forgets.SeriesPages) && EvictionTable.Find(entry.Metadata.ClrType)?.Series?.Invoke(entry.Entity) is { } series)
            {
                if (series.Key is { } key)
                {
                    forgetting.Series.Add(key);
                }
                else if (series.AssessmentId is { } id)
                {
                    forgetting.AssessmentIds.Add(id);
                }
            }
        }
        return forgetting;
    }

    // One query, and only for saves of sessions or plans (the change tracker knows an assessment's own key).
    private static IQueryable<string> SeriesOf(DbContext db, IReadOnlyCollection<int> assessmentIds)
    {
        int[] ids = [.. assessmentIds];
        return db.Set<StoredAssessment>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.SeriesKey);
    }

    /// <summary>What one save, bulk statement or transaction forgets once committed.</summary>
    private sealed class Forgetting
    {
        public HashSet<string> Series { get; } = new(StringComparer.Ordinal);
        public HashSet<int> AssessmentIds { get; } = [];
        public bool AllResultPages { get; set; }
        public bool LinkStates { get; set; }
        public bool Library { get; set; }

        public bool IsEmpty => Series.Count == 0 && !AllResultPages && !LinkStates && !Library;

        public void Add(Forgetting other)
        {
            Series.UnionWith(other.Series);
            AllResultPages |= other.AllResultPages;
            LinkStates |= other.LinkStates;
            Library |= other.Library;
        }
    }
}
