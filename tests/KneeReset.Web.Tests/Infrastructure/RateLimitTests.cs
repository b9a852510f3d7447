using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>Per-client limits on what creates rows: assessments, drafts, session logs (issue 9, finding 5).</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly KneeResetFactory _factory = new();
    private readonly WebApplicationFactory<Program> _app;

    public RateLimitTests() =>
        _app = _factory.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:AssessmentsPerMinute", "2")
            .UseSetting("RateLimits:DraftsPerMinute", "2")
            .UseSetting("RateLimits:SessionLogsPerMinute", "2"));

    [Fact]
    public async Task A_third_assessment_in_a_minute_gets_429_problem_json()
    {
        using var client = Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAssessmentAsync(RunnerResults.KneecapAnswers());
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("60", response.Headers.RetryAfter?.ToString());
            }
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_third_questionnaire_started_in_a_minute_gets_the_too_many_requests_page()
    {
        using var client = Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SubmitAsync("/assess", null);
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                Assert.Contains("Too many requests", (await Tests.Browser.ParseAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_third_session_log_in_a_minute_gets_429_while_the_player_still_shows()
    {
        using var client = Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SubmitAsync("/routines/core-stability/play", null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        using var player = await client.GetAsync(new Uri("/routines/core-stability/play", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, player.StatusCode);
    }

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }
}
