using System.Net;

namespace KneeReset.Web.Tests.Pages.Routines;

/// <summary>
/// The server's side of the offline private player (issue 25): the worker that keeps it, the
/// script that keeps a session saved offline and the place on the page that says so. The
/// offline journey itself is KneeReset.Browser.Tests' OfflineSessionTests.
/// </summary>
public class OfflinePlayerTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_service_worker_is_a_script_that_keeps_the_private_player_and_answers_a_miss()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/sw.js", UriKind.Relative));
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        // At the root, its scope covers /m/…/play/… without a Service-Worker-Allowed header.
        Assert.False(response.Headers.Contains("Service-Worker-Allowed"));
        Assert.Contains(@"/^\/m\/[A-Za-z0-9_-]+\/(play|routines|run)\/[a-z0-9-]+$/", script, StringComparison.Ordinal);
        // The old fallback, `hit || caches.match(...)`, was a promise and always truthy.
        Assert.DoesNotContain("hit || caches.match", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_private_player_loads_the_outbox_and_has_its_notice_and_stays_out_of_shared_caches()
    {
        using var client = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var play = (await client.GetPageAsync(manage)).QuerySelector(".routines a.button")!.GetAttribute("href")!;

        using var response = await client.GetAsync(new Uri(play, UriKind.Relative));
        var page = await client.GetPageAsync(play);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{play}: {response.Headers.CacheControl}");
        Assert.NotNull(page.QuerySelector("script[src^='/js/player-outbox']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/player.']"));
        var notice = page.QuerySelector("#log #log-outbox[role=status][hidden]");
        Assert.NotNull(notice);
        // The form posts with its own antiforgery token, which the outbox keeps with the session.
        Assert.NotNull(page.QuerySelector("#log form[method=post] input[name=__RequestVerificationToken]"));
    }
}
