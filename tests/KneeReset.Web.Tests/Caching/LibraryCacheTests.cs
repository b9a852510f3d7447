using System.Net;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Caching;

public class LibraryCacheTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Library_pages_come_from_the_cache_until_any_save_changes_the_library()
    {
        using var client = factory.CreateClient();
        var path = new Uri("/routines/ankle-dorsiflexion-mobility", UriKind.Relative);
        var before = await client.GetStringAsync(path);
        using (var again = await client.GetAsync(path))
        {
            Assert.NotNull(again.Headers.Age);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var routine = await db.Routines.SingleAsync(r => r.Slug == "ankle-dorsiflexion-mobility");
        var original = routine.Title;
        routine.Title = "Ankle mobility, renamed";
        await db.SaveChangesAsync();
        try
        {
            // Saved behind the editor's back, with no call to any cache: the commit forgets the page
            // (issue 24: there was a cache call in each feature, and this save kept the old page).
            Assert.Contains("Ankle mobility, renamed", await client.GetStringAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            routine.Title = original;
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, await client.GetStringAsync(path));
    }

    /// <summary>Issue 22, finding 9: /routines?x=1..N once made N entries (and Redis has no memory cap).</summary>
    [Theory]
    [InlineData("/routines")]
    [InlineData("/routines/ankle-dorsiflexion-mobility")]
    [InlineData("/exercises/heel-slides")]
    [InlineData("/api/routines")]
    [InlineData("/api/routines/ankle-dorsiflexion-mobility")]
    public async Task A_query_string_the_page_does_not_read_is_answered_from_the_same_entry(string path)
    {
        using var client = factory.CreateClient();
        var stored = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        for (var i = 1; i <= 20; i++)
        {
            using var response = await client.GetAsync(new Uri($"{path}?x={i}&handler=x{i}", UriKind.Relative));
            Assert.NotNull(response.Headers.Age);
            Assert.Equal(stored, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_routine_list_varies_by_its_filters_and_keeps_only_the_form_s_own_choices()
    {
        using var client = factory.CreateClient();
        var all = await client.GetStringAsync(new Uri("/routines", UriKind.Relative));

        // The form sends its blank filters too: still the whole list, from the same entry.
        var (blankAge, blank) = await GetAsync(client, "/routines?cause=&area=&kind=&minutes=");
        Assert.NotNull(blankAge);
        Assert.Equal(all, blank);

        var (firstAge, filtered) = await GetAsync(client, "/routines?cause=runners_knee&area=&kind=&minutes=");
        Assert.Null(firstAge);
        Assert.NotEqual(all, filtered);
        Assert.NotNull((await GetAsync(client, "/routines?cause=runners_knee&area=&kind=&minutes=")).Age);

        // Made-up values and combinations are answered fresh every time: nothing to fill Redis with.
        foreach (var path in new[] { "/routines?cause=made-up", "/routines?minutes=010", "/routines?cause=runners_knee&noEquipment=true", "/routines?cause=runners_knee&cause=it_band" })
        {
            await GetAsync(client, path);
            Assert.Null((await GetAsync(client, path)).Age);
        }
    }

    private static async Task<(TimeSpan? Age, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.Age, await response.Content.ReadAsStringAsync());
    }
}
