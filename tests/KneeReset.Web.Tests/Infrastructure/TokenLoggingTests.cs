namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// Share, manage and draft tokens never reach the log: request paths are masked. Static files
/// are logged at Debug, below the production level.
/// </summary>
public sealed class TokenLoggingTests(TokenLoggingTests.InformationLoggingApp app) : IClassFixture<TokenLoggingTests.InformationLoggingApp>
{
    [Fact]
    public async Task Tokens_never_appear_in_the_request_log()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        await client.GetAsync(new Uri(share, UriKind.Relative));
        await client.GetAsync(new Uri(share + "/fhir", UriKind.Relative));
        await client.GetAsync(new Uri(manage, UriKind.Relative));
        await client.GetAsync(new Uri(manage + "/run/1", UriKind.Relative));
        await client.GetAsync(new Uri(manage + "/calendar.ics", UriKind.Relative));
        await client.GetAsync(new Uri("/api/assessments/" + RunnerResults.TokenOf(share), UriKind.Relative));
        using var start = await client.SubmitAsync("/assess", null);
        var draft = Browser.AssertRedirect(start);
        await client.GetAsync(new Uri(draft, UriKind.Relative));

        var log = string.Join("\n", app.Log.Events.Select(LogCollector.Text));
        Assert.Contains("/r/***", log, StringComparison.Ordinal);
        Assert.Contains("/m/***", log, StringComparison.Ordinal);
        Assert.Contains("/m/***/run/1", log, StringComparison.Ordinal);
        Assert.Contains("/m/***/calendar.ics", log, StringComparison.Ordinal);
        Assert.Contains("/assess/***", log, StringComparison.Ordinal);
        foreach (var token in new[] { RunnerResults.TokenOf(share), RunnerResults.TokenOf(manage), draft.Split('/')[2] })
        {
            Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Static_files_stay_out_of_the_request_log_that_pages_write_to()
    {
        using var client = app.CreateBrowser();
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/css/site[^\"]+)\"").Groups[1].Value;
        using (var css = await client.GetAsync(new Uri(stylesheet, UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        }
        // A page requested after it is logged: by then the stylesheet's line would be there too.
        await client.GetAsync(new Uri("/how-it-reasons", UriKind.Relative));
        await app.Log.WaitForAsync(e => LogCollector.Text(e).Contains("/how-it-reasons", StringComparison.Ordinal));

        Assert.DoesNotContain(app.Log.Events, e => LogCollector.Text(e).Contains(stylesheet, StringComparison.Ordinal));
    }

    /// <summary>The request log is written at Information.</summary>
    public sealed class InformationLoggingApp() : KneeResetFactory([new("Serilog:MinimumLevel:Default", "Information")]);
}
