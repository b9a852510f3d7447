using System.Linq.Expressions;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace KneeReset.Web.Caching;

/// <summary>
/// Bulk statements (ExecuteUpdate, ExecuteDelete) bypass the change tracker, so no save
/// interceptor sees them: every one in the app goes through here (BulkChangesRuleTests reads the
/// source to hold it to that), and what it changed forgets what <see cref="EvictionTable"/> says,
/// after the commit (<see cref="CacheEviction"/>). The rows must be queried from the same context.
/// </summary>
public sealed class BulkChanges(KneeResetDbContext db, CacheEviction eviction)
{
    /// <summary>UPDATE … SET the <paramref name="set"/> columns on <paramref name="rows"/>; returns how many changed.</summary>
    public async Task<int> UpdateAsync<T>(IQueryable<T> rows, Action<BulkSetters<T>> set, CancellationToken cancellationToken) where T : class
    {
        var setters = new BulkSetters<T>();
        set(setters);
        var changed = await rows.ExecuteUpdateAsync(setters.Apply, cancellationToken);
        if (changed > 0)
        {
            await eviction.ChangedInBulkAsync(db, typeof(T), setters.Columns);
        }
        return changed;
    }

    /// <summary>DELETE <paramref name="rows"/>; returns how many went.</summary>
    public async Task<int> DeleteAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var deleted = await rows.ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await eviction.ChangedInBulkAsync(db, typeof(T), columns: null);
        }
        return deleted;
    }
}

/// <summary>EF's setters, recording which columns they set so the eviction table can be asked.</summary>
public sealed class BulkSetters<T> where T : class
{
    private readonly List<Action<UpdateSettersBuilder<T>>> _setters = [];
    private readonly List<string> _columns = [];

    public IReadOnlyList<string> Columns => _columns;

    public BulkSetters<T> Set<TValue>(Expression<Func<T, TValue>> column, TValue value)
    {
        _columns.Add(ColumnName(column));
        _setters.Add(b => b.SetProperty(column, value));
        return this;
    }

    public BulkSetters<T> Set<TValue>(Expression<Func<T, TValue>> column, Expression<Func<T, TValue>> value)
    {
        _columns.Add(ColumnName(column));
        _setters.Add(b => b.SetProperty(column, value));
        return this;
    }

    internal void Apply(UpdateSettersBuilder<T> builder) => _setters.ForEach(set => set(builder));

    private static string ColumnName(LambdaExpression column) => column.Body is MemberExpression { Expression: ParameterExpression } member
        ? member.Member.Name
        : throw new ArgumentException($"A column is a property of the row (x => x.Column), not {column}.", nameof(column));
}
