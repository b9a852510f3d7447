using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Pages.Home;

/// <summary>The landing page comes from the output cache, and the cache keeps its variants apart.</summary>
public class HomeTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_home_page_is_cached_without_the_deleted_notice_and_never_for_signed_in_staff()
    {
        using var visitor = app.CreateBrowser();
        await visitor.GetAsync(new Uri("/", UriKind.Relative));
        using var cached = await visitor.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(cached.Headers.Age);
        Assert.DoesNotContain("are deleted", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // After deleting a result the runner lands on /?deleted: the notice is not lost to the cache.
        var notice = await visitor.GetPageAsync("/?deleted=1");
        Assert.Contains("are deleted", notice.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        using var staff = app.SignedIn(StaffRoles.Editor);
        using var fresh = await staff.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Null(fresh.Headers.Age);
    }

    [Fact]
    public async Task Any_other_query_string_is_answered_from_the_one_entry_and_the_notice_is_never_kept()
    {
        using var visitor = app.CreateBrowser();
        using (await visitor.GetAsync(new Uri("/", UriKind.Relative)))
        {
        }

        // Random keys must not each make an entry (issue 22, finding 9): /?x=… is the cached page.
        using var other = await visitor.GetAsync(new Uri($"/?x={Guid.NewGuid():N}", UriKind.Relative));
        using var again = await visitor.GetAsync(new Uri("/?deleted=1", UriKind.Relative));

        Assert.NotNull(other.Headers.Age);
        Assert.Null(again.Headers.Age);
    }
}
