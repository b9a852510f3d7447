using System.Net;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// Per-client limits on what creates rows (assessments, drafts, session logs; issue 9, finding 5),
/// on token look-ups and on sign-in attempts. Each test's browser is a client of its own, so each
/// has the whole budget.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.LowLimitsApp app) : IClassFixture<RateLimitTests.LowLimitsApp>
{
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

    [Fact]
    public async Task Token_lookups_over_the_limit_get_429()
    {
        using var client = app.CreateBrowser();
        var token = ApiClient.TokenOf(await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()));

        // The API and the result page share one per-client budget.
        var lookups = new[] { $"/api/assessments/{token}", $"/r/{token}", $"/api/assessments/{token}", $"/api/assessments/{token}", $"/r/{token}" };
        var statuses = new List<HttpStatusCode>();
        foreach (var path in lookups)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_get_429_while_the_form_still_shows()
    {
        using var client = app.CreateBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SignInAsync("nobody@studio.test", "not the password 1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private HttpClient Browser() => app.CreateBrowser();

    public sealed class LowLimitsApp() : KneeResetFactory(
    [
        new("RateLimits:AssessmentsPerMinute", "2"),
        new("RateLimits:DraftsPerMinute", "2"),
        new("RateLimits:SessionLogsPerMinute", "2"),
        new("RateLimits:TokenLookupsPerMinute", "3"),
        new("RateLimits:SignInsPerMinute", "3"),
    ]);
}
