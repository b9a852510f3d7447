using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Library;

/// <summary>
/// The published library is loaded once and reused while the store's library stamp stands still;
/// a save through the editor moves the stamp, and the next read (a new result's matching) sees it.
/// </summary>
public class PublishedSnapshotTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_library_is_reused_until_a_library_save_moves_its_stamp()
    {
        var first = await PublishedAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Changed behind the editor's back (no revision): the kept library is still served.
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var routine = await db.Routines.FirstAsync(r => r.Slug == first[0].Routine.Slug);
            routine.Title = "Renamed behind the editor's back";
            await db.SaveChangesAsync();
        }
        Assert.Same(first, await PublishedAsync());

        await app.CreateRoutineAsync("snapshot-new-routine", status: "published");

        var now = await PublishedAsync();
        Assert.Contains(now, r => r.Routine.Slug == "snapshot-new-routine");
        Assert.Equal("Renamed behind the editor's back", now[0].Routine.Title);
    }

    private async Task<IReadOnlyList<RoutineView>> PublishedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoutineLibrary>().PublishedAsync();
    }
}
