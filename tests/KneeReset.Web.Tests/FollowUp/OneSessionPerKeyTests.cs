using System.Net;
using System.Net.Http.Json;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.FollowUp;

/// <summary>
/// A session is stored once however often it is sent (FollowUp/SessionLog): a double submit of the
/// private player's form without JavaScript, and an app's replay with the same Idempotency-Key.
/// </summary>
public class OneSessionPerKeyTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private async Task<int> SessionsOfAsync(string manage)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        return await db.RoutineSessions.CountAsync(s => s.Assessment!.ManageToken == RunnerResults.TokenOf(manage));
    }

    [Fact]
    public async Task Pressing_save_twice_on_one_served_form_stores_one_session()
    {
        using var client = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var start = (await client.GetPageAsync(manage)).QuerySelector(".routines a.button")!.GetAttribute("href")!;
        var player = await client.GetPageAsync(start);
        (string, string)[] answers = [("Input.PainUsual", "1"), ("Input.PainDuring", "3"), ("Input.Feeling", "about_right")];

        using var first = await client.SubmitAsync(player, start, null, answers);
        using var second = await client.SubmitAsync(player, start, null, answers);

        Assert.Equal(Browser.AssertRedirect(first), Browser.AssertRedirect(second));
        Assert.Equal(1, await SessionsOfAsync(manage));
        // The next time the page is served it is a new form: a new session.
        using var another = await client.SubmitAsync(start, null, answers);
        Assert.NotEqual(Browser.AssertRedirect(first), Browser.AssertRedirect(another));
        Assert.Equal(2, await SessionsOfAsync(manage));
    }

    [Fact]
    public async Task A_form_with_a_mangled_key_is_refused_with_a_message_and_stores_nothing()
    {
        using var client = factory.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var start = (await client.GetPageAsync(manage)).QuerySelector(".routines a.button")!.GetAttribute("href")!;

        using var response = await client.SubmitAsync(start, null,
            ("Input.ClientKey", "short <key>"), ("Input.PainUsual", "1"), ("Input.PainDuring", "3"), ("Input.Feeling", "about_right"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reload the page", (await Browser.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await SessionsOfAsync(manage));
    }

    [Fact]
    public async Task An_api_replay_with_the_same_idempotency_key_answers_the_same_and_stores_once()
    {
        using var client = factory.CreateClient();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var url = new Uri($"/api/manage/{RunnerResults.TokenOf(manage)}/sessions", UriKind.Relative);
        async Task<HttpResponseMessage> PostAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { routine = "hip-and-glute-strength", painDuring = 2, usualPain = 1 }) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        using var first = await PostAsync("phone-outbox-0001-aaaa");
        using var replay = await PostAsync("phone-outbox-0001-aaaa");
        using var other = await PostAsync("phone-outbox-0002-bbbb");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        Assert.Equal(2, await SessionsOfAsync(manage));
    }

    [Fact]
    public async Task A_malformed_idempotency_key_gets_a_problem_and_stores_nothing()
    {
        using var client = factory.CreateClient();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/manage/{RunnerResults.TokenOf(manage)}/sessions", UriKind.Relative)) { Content = JsonContent.Create(new { routine = "hip-and-glute-strength", painDuring = 2 }) };
        request.Headers.Add("Idempotency-Key", "x");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await SessionsOfAsync(manage));
    }
}
