using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>Static files go out fingerprinted, cached for good and compressed (MapStaticAssets in Program.cs).</summary>
public partial class StaticAssetsTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Pages_link_fingerprinted_styles_and_scripts_served_immutable_and_compressed()
    {
        // Tests run in Development, where MapStaticAssets sends no-cache so edits show at once;
        // this documented switch gives the production headers. An app of its own: on SQLite one
        // process, one app, serves a database file (Caching/SqliteProcessLock).
        await using var production = new ProductionAssetsApp();
        using var client = production.CreateClient();
        var page = await client.GetPageAsync("/routines/post-run-knee-reset/play");
        var assets = page.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        Assert.Contains(assets, a => a.StartsWith("/css/site.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/js/player.", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            Assert.Matches(Fingerprinted(), asset);
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cache = response.Headers.CacheControl!;
            Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"{asset}: {cache}");
            Assert.Contains("immutable", cache.ToString(), StringComparison.Ordinal);
            Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
            Assert.Contains("'self'", Headers.ScriptSrc(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_service_worker_keeps_its_own_address_and_is_revalidated()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/sw.js", UriKind.Relative));

        // Browsers check a worker at its registered address; a long cache there would pin an old worker.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero, $"/sw.js: {response.Headers.CacheControl}");
    }

    private sealed class ProductionAssetsApp() : KneeResetFactory([new("EnableStaticAssetsDevelopmentCaching", "true")]);

    // /css/site.<fingerprint>.css, /js/player.<fingerprint>.js: the fingerprint is a content hash.
    [GeneratedRegex(@"^/(css|js)/[a-z-]+\.[a-z0-9]{8,}\.(css|js)$")]
    private static partial Regex Fingerprinted();
}
