using System.Net;
using System.Net.Sockets;
using Serilog.Events;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// Redis configured but not answering (issue 22, finding 6): Redis:Configuration names a loopback
/// port nobody listens on, so these run everywhere, without a Redis. The app started on a fresh
/// database (seeding evicts the library through the cache); runners, visitors and readiness carry
/// on without the shared cache.
/// </summary>
public sealed class SharedCacheOutageTests(SharedCacheOutageTests.RedisDownApp app) : IClassFixture<SharedCacheOutageTests.RedisDownApp>
{
    public sealed class RedisDownApp : KneeResetFactory
    {
        public RedisDownApp() : this(ClosedPort())
        {
        }

        private RedisDownApp(int port) : base([new("Redis:Configuration", $"127.0.0.1:{port}")]) => RedisPort = port;

        public int RedisPort { get; }
    }

    [Fact]
    public async Task A_new_assessment_is_saved_and_answered_201_with_both_links()
    {
        using var runner = app.CreateBrowser();

        var (share, manage) = await RunnerResults.CreateAsync(runner);

        using var visitor = app.CreateBrowser();
        Assert.NotNull((await visitor.GetPageAsync(share)).QuerySelector(".causes"));
        Assert.NotNull((await runner.GetPageAsync(manage)).QuerySelector("form[action*='handler=Revoke']"));
    }

    [Fact]
    public async Task A_change_to_a_shared_result_saves_and_shows_at_once()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var visitor = app.CreateBrowser();
        await visitor.GetPageAsync(share);

        // Evicts the series through Redis after the commit.
        using var revoked = await RunnerResults.PostFormAsync(runner, manage, "Revoke");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var gone = await visitor.GetAsync(new Uri(share, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Library_pages_and_answers_are_served_without_the_cache()
    {
        using var visitor = app.CreateBrowser();
        foreach (var path in new[] { "/", "/routines", "/routines", "/routines/ankle-dorsiflexion-mobility", "/api/routines", "/api/routines" })
        {
            using var response = await visitor.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }
    }

    [Fact]
    public async Task Readiness_says_Degraded_and_stays_ready()
    {
        using var client = app.CreateBrowser();

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_outage_is_logged_once_not_for_every_request()
    {
        using var visitor = app.CreateBrowser();
        for (var i = 0; i < 10; i++)
        {
            using var response = await visitor.GetAsync(new Uri("/routines", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var outage = app.Log.Events.Where(e => e.Level >= LogEventLevel.Warning && LogCollector.Text(e).Contains("SharedCacheBreaker", StringComparison.Ordinal)).ToList();
        Assert.Equal(LogEventLevel.Error, Assert.Single(outage).Level);
        Assert.Contains($"Redis (\"127.0.0.1:{app.RedisPort}\") does not answer", LogCollector.Text(outage[0]), StringComparison.Ordinal);
    }

    /// <summary>A loopback port that was free a moment ago: a connection to it is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
