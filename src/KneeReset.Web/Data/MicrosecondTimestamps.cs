using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeReset.Web.Data;

/// <summary>
/// Times are saved to the microsecond, PostgreSQL's precision, on every provider: what the app
/// answers straight after a save (an assessment's createdAt) is then what it reads back later,
/// and the two stores keep the same values.
/// </summary>
public sealed class MicrosecondTimestamps : SaveChangesInterceptor
{
    public static readonly MicrosecondTimestamps Instance = new();

    private MicrosecondTimestamps()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Truncate(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Truncate(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Truncate(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                // 10 ticks of 100 ns make a microsecond.
                if (property.CurrentValue is DateTimeOffset time && time.Ticks % 10 != 0)
                {
                    property.CurrentValue = time.AddTicks(-(time.Ticks % 10));
                }
            }
        }
    }
}
