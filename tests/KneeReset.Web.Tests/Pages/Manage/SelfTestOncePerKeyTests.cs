using System.Net;
using System.Net.Http.Json;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>A self-test is stored once per client key, as runs and sessions are: a double submit of the page's form, an app's replay.</summary>
public class SelfTestOncePerKeyTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private async Task<int> SelfTestsOfAsync(string manage)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        return await db.SelfTestResults.CountAsync(t => t.Assessment.ManageToken == RunnerResults.TokenOf(manage));
    }

    [Fact]
    public async Task Pressing_save_twice_on_one_served_self_test_form_stores_one_self_test()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var form = await HtmlForm.OpenAsync(client, manage, "form[action*='handler=SelfTest']");
        form.Set("selfTest.Test", "single_leg_hop_10").Set("selfTest.Passed", "true").Set("selfTest.Pain", "1");

        using var first = await form.SubmitAsync();
        using var second = await form.SubmitAsync();

        Browser.AssertRedirect(first);
        Browser.AssertRedirect(second);
        Assert.Equal(1, await SelfTestsOfAsync(manage));
        // Served again, the form has a new key: a new go at the test is stored.
        using var another = await RunnerResults.PostFormAsync(client, manage, "SelfTest",
            ("selfTest.Test", "single_leg_hop_10"), ("selfTest.Passed", "true"), ("selfTest.Pain", "1"));
        Assert.Equal(2, await SelfTestsOfAsync(manage));
    }

    [Fact]
    public async Task A_self_test_form_with_a_mangled_key_is_refused_with_a_message_and_stores_nothing()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        using var response = await RunnerResults.PostFormAsync(client, manage, "SelfTest",
            ("selfTest.ClientKey", "short <key>"), ("selfTest.Test", "single_leg_hop_10"), ("selfTest.Passed", "true"), ("selfTest.Pain", "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reload the page", (await Browser.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await SelfTestsOfAsync(manage));
    }

    [Fact]
    public async Task An_api_replay_with_the_same_idempotency_key_stores_one_self_test()
    {
        using var client = app.CreateClient();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var token = RunnerResults.TokenOf(manage);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var body = new { test = "brisk_walk_30", passed = true, on = RunningLadder.Day(today, 0), pain = 1 };

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/manage/{token}/self-tests") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "self-test-key-0123456789");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        using var bad = new HttpRequestMessage(HttpMethod.Post, $"/api/manage/{token}/self-tests") { Content = JsonContent.Create(body) };
        bad.Headers.Add("Idempotency-Key", "short");
        using var refused = await client.SendAsync(bad);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await SelfTestsOfAsync(manage));
    }
}

/// <summary>The ladder's forms on the private page count toward the session-log limit, as the player's and the API's do.</summary>
public sealed class RunningRateLimitTests(RunningRateLimitTests.LowLimitApp app) : IClassFixture<RunningRateLimitTests.LowLimitApp>
{
    [Fact]
    public async Task A_third_self_test_in_a_minute_is_refused_over_a_limit_of_two_while_showing_the_forms_is_not_counted()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var form = await HtmlForm.OpenAsync(client, $"{manage}/running", "form[action*='handler=SelfTest']");
            form.Set("selfTest.Test", "single_leg_hop_10").Set("selfTest.Passed", "true").Set("selfTest.Pain", "1");
            using var response = await form.SubmitAsync();
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    public sealed class LowLimitApp() : KneeResetFactory([new("RateLimits:SessionLogsPerMinute", "2")]);
}
