using System.Net;

namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>Guesses at a share link's passcode are limited per result, whoever sends them (issue 9, finding 6).</summary>
public class PasscodeTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private const string Passcode = "blue-heron";

    [Fact]
    public async Task Five_wrong_passcodes_stop_the_result_taking_guesses_for_a_while()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Passcode", Passcode));
        string last = "";
        for (var guess = 1; guess <= 5; guess++)
        {
            // A new browser for each guess: the limit is the result's, not the client's.
            using var guesser = app.CreateBrowser();
            using var wrong = await RunnerResults.PostFormAsync(guesser, share, "Passcode", ("passcode", $"guess-{guess}"));
            last = await ErrorsAsync(wrong);
        }
        using var visitor = app.CreateBrowser();

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        using var refused = await RunnerResults.PostFormAsync(visitor, share, "Passcode", ("passcode", Passcode));
        using var api = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/assessments/" + RunnerResults.TokenOf(share), UriKind.Relative));
        api.Headers.Add("X-Passcode", Passcode);
        using var apiRefused = await visitor.SendAsync(api);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        using var opened = await RunnerResults.PostFormAsync(visitor, share, "Passcode", ("passcode", Passcode));

        Assert.Contains("Too many wrong passcodes for this result", last, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // In minutes from now, which read the same in any zone; never a UTC clock time.
        Assert.Contains("Try again in 15 minutes", last, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", last, StringComparison.Ordinal);
        Assert.Contains("Too many wrong passcodes for this result", await ErrorsAsync(refused), StringComparison.Ordinal);
        Assert.Contains("Try again in 5 minutes", await ErrorsAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, apiRefused.StatusCode);
        Assert.Equal($"{share}", Browser.AssertRedirect(opened));
    }

    [Fact]
    public async Task A_right_passcode_clears_the_count_of_wrong_ones()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Passcode", Passcode));
        using var visitor = app.CreateBrowser();

        var statuses = new List<HttpStatusCode>();
        foreach (var passcode in new[] { "guess-1", "guess-2", "guess-3", "guess-4", Passcode, "guess-5", "guess-6", "guess-7", "guess-8", Passcode })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/assessments/" + RunnerResults.TokenOf(share), UriKind.Relative));
            request.Headers.Add("X-Passcode", passcode);
            using var response = await visitor.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.OK], statuses);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await Browser.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? $"(no error summary; {(int)response.StatusCode})";
}
