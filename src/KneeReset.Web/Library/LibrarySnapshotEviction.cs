using System.Data.Common;
using System.Runtime.CompilerServices;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeReset.Web.Library;

/// <summary>
/// Forgets the kept library (<see cref="PublishedSnapshot"/>) after any save that adds, changes or
/// removes a routine, a step or an exercise, whoever saves it, and again when an explicit
/// transaction around the save commits (a load between the save and the commit read the old rows).
/// </summary>
public sealed class LibrarySnapshotEviction(PublishedSnapshot snapshot) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Marked before the save, while the change tracker still says what changes (failed saves and
    // rolled-back transactions leave a mark that costs one needless reload at most).
    private readonly ConditionalWeakTable<DbContext, object> _touched = [];
    private readonly ConditionalWeakTable<DbContext, object> _forgetOnCommit = [];

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db && _forgetOnCommit.Remove(db))
        {
            snapshot.Forget();
        }
    }

    private void Mark(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(e => e.Entity is Routine or RoutineStep or Exercise
            && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _touched.AddOrUpdate(db, db);
        }
    }

    private void Saved(DbContext? db)
    {
        if (db is null || !_touched.Remove(db))
        {
            return;
        }
        snapshot.Forget();
        if (db.Database.CurrentTransaction is not null)
        {
            _forgetOnCommit.AddOrUpdate(db, db);
        }
    }
}
