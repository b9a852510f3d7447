using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Library;

/// <summary>
/// The published library is loaded once and reused until a change: any save of a routine, step or
/// exercise forgets it (on SQLite nothing else is asked; on PostgreSQL the store's stamp is asked
/// too, for other instances' saves), and a load that overlapped a change is never kept after it.
/// </summary>
public class PublishedSnapshotTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_library_is_reused_until_a_save_changes_it_however_it_is_saved()
    {
        var first = await PublishedAsync();
        Assert.Same(first, await PublishedAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Saved behind the editor's back (no revision, no cache call): still seen at once.
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var routine = await db.Routines.FirstAsync(r => r.Slug == first[0].Routine.Slug);
            routine.Title = "Renamed behind the editor's back";
            await db.SaveChangesAsync();
        }
        Assert.Equal("Renamed behind the editor's back", (await PublishedAsync())[0].Routine.Title);

        await app.CreateRoutineAsync("snapshot-new-routine", status: "published");
        Assert.Contains(await PublishedAsync(), r => r.Routine.Slug == "snapshot-new-routine");
    }

    [Fact]
    public async Task A_load_that_overlapped_a_change_is_not_kept_and_a_transaction_is_forgotten_again_at_commit()
    {
        var snapshot = app.Services.GetRequiredService<PublishedSnapshot>();
        var kept = await PublishedAsync();
        var loadedAt = snapshot.Generation;
        snapshot.Forget();
        snapshot.Keep(new PublishedSnapshot.Kept(null, kept), loadedAt);
        Assert.Null(snapshot.Current);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var exercise = await db.Exercises.FirstAsync();
        exercise.Name += " (renamed)";
        await db.SaveChangesAsync();
        // A load between the save and the commit reads the old rows, and is kept.
        snapshot.Keep(new PublishedSnapshot.Kept(null, kept), snapshot.Generation);
        Assert.NotNull(snapshot.Current);
        await transaction.CommitAsync();

        Assert.Null(snapshot.Current);
    }

    private async Task<IReadOnlyList<RoutineView>> PublishedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoutineLibrary>().PublishedAsync();
    }
}
