using System.Net;

namespace KneeReset.Web.Tests.Data;

/// <summary>
/// Liveness and readiness apart; readiness proves a write; the error page says only what is true
/// (issue 9, finding 8). The store fails on demand (<see cref="StorageFaults"/>).
/// </summary>
public class ReadinessTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Readiness_fails_while_writes_fail_and_liveness_stays_200()
    {
        using var client = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/ready"));

        Dictionary<string, HttpStatusCode> failing;
        using (app.Faults.FailWrites())
        {
            failing = new()
            {
                ["/healthz/live"] = await StatusAsync(client, "/healthz/live"),
                ["/healthz/ready"] = await StatusAsync(client, "/healthz/ready"),
                ["/healthz"] = await StatusAsync(client, "/healthz"),
            };
        }

        Assert.Equal(HttpStatusCode.OK, failing["/healthz/live"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing["/healthz/ready"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing["/healthz"]);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/ready"));
    }

    [Fact]
    public async Task When_a_save_fails_the_error_page_does_not_claim_the_answers_are_saved()
    {
        using var runner = app.CreateBrowser();
        var step = Browser.AssertRedirect(await runner.SubmitAsync("/assess", null));
        var form = await HtmlForm.OpenAsync(runner, step);

        HttpResponseMessage response;
        using (app.Faults.FailWrites())
        {
            // "Back" saves what is there without asking for answers first.
            response = await form.Set("nav", "back").SubmitAsync();
        }
        var text = (await Browser.ParseAsync(response)).Body!.TextContent;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("are saved", text, StringComparison.Ordinal);
        Assert.Contains("may not have been saved", text, StringComparison.Ordinal);
        response.Dispose();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
