using System.Net;

namespace KneeReset.Web.Tests.Telemetry;

/// <summary>Prometheus text at /metrics when Telemetry:Prometheus is true; no such address otherwise.</summary>
public sealed class MetricsEndpointTests(MetricsEndpointTests.PrometheusApp app, KneeResetFactory plain)
    : IClassFixture<MetricsEndpointTests.PrometheusApp>, IClassFixture<KneeResetFactory>
{
    public sealed class PrometheusApp() : KneeResetFactory([new("Telemetry:Prometheus", "true")]);

    [Fact]
    public async Task A_stored_self_care_assessment_is_counted_by_triage()
    {
        var client = app.CreateClient();
        var created = await client.CreateAssessmentAsync(RunnerResults.KneecapAnswers());
        Assert.Equal("self_care", (string?)created["triage"]);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches("""(?m)^kneereset_assessments_total\{[^}]*triage="self_care"[^}]*\} [1-9]""", text);
        // Scraped every few seconds: never kept by a cache on the way.
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Metrics_never_carry_a_token_from_a_visited_link()
    {
        var client = app.CreateClient();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        foreach (var page in new[] { share, manage, $"/api/assessments/{RunnerResults.TokenOf(share)}" })
        {
            using var visited = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, visited.StatusCode);
        }

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        // The visits are there, by route template, without the tokens that were in their paths.
        Assert.Matches("""http_route="/?r/\{token\}""", text);
        Assert.DoesNotContain(RunnerResults.TokenOf(share), text, StringComparison.Ordinal);
        Assert.DoesNotContain(RunnerResults.TokenOf(manage), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_metrics_address()
    {
        using var response = await plain.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
