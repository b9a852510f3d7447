using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Library;

public class LibraryCacheTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Library_pages_come_from_the_cache_until_the_library_changes()
    {
        using var client = factory.CreateClient();
        var path = new Uri("/routines/ankle-dorsiflexion-mobility", UriKind.Relative);
        var before = await client.GetStringAsync(path);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var routine = await db.Routines.SingleAsync(r => r.Slug == "ankle-dorsiflexion-mobility");
        var original = routine.Title;
        routine.Title = "Ankle mobility, renamed";
        await db.SaveChangesAsync();
        try
        {
            // Changed behind the cache's back: the cached page is still served.
            Assert.Equal(before, await client.GetStringAsync(path));

            await scope.ServiceProvider.GetRequiredService<LibraryCache>().InvalidateAsync();

            Assert.Contains("Ankle mobility, renamed", await client.GetStringAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            routine.Title = original;
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<LibraryCache>().InvalidateAsync();
        }
    }
}
