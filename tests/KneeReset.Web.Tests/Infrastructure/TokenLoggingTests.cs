namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>Share, manage and draft tokens never reach the log: request paths are masked.</summary>
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
        await client.GetAsync(new Uri("/api/assessments/" + RunnerResults.TokenOf(share), UriKind.Relative));
        using var start = await client.SubmitAsync("/assess", null);
        var draft = Browser.AssertRedirect(start);
        await client.GetAsync(new Uri(draft, UriKind.Relative));

        var log = string.Join("\n", app.Log.Events.Select(LogCollector.Text));
        Assert.Contains("/r/***", log, StringComparison.Ordinal);
        Assert.Contains("/m/***", log, StringComparison.Ordinal);
        Assert.Contains("/assess/***", log, StringComparison.Ordinal);
        foreach (var token in new[] { RunnerResults.TokenOf(share), RunnerResults.TokenOf(manage), draft.Split('/')[2] })
        {
            Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        }
    }

    /// <summary>The request log is written at Information.</summary>
    public sealed class InformationLoggingApp() : KneeResetFactory([new("Serilog:MinimumLevel:Default", "Information")]);
}
