using Serilog.Events;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// Requests that fail through the client's doing, on a real server (issue 9, findings 2 and 11):
/// bodies framed badly on the wire get a 400 problem, never a 500; a client that goes away
/// mid-request is logged as such, not as a server error.
/// </summary>
public sealed class ClientErrorsTests(KestrelApp app, ClientErrorsTests.InformationLoggingApp logged)
    : IClassFixture<KestrelApp>, IClassFixture<ClientErrorsTests.InformationLoggingApp>
{
    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 3", "5\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 300", "5\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked", "zz\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked", "4\r\n{\"a\":1}\r\n0\r\n\r\n")]
    public async Task A_badly_framed_body_gets_400_problem_json(string framing, string body)
    {
        var response = await app.SendRawAsync($"POST /api/assessments HTTP/1.1\r\nContent-Type: application/json\r\n{framing}", body);

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/assessments", "application/json", "{\"answers\":{\"age\":")]
    [InlineData("/assess", "application/x-www-form-urlencoded", "__RequestVerificationToken=abc&q.age=3")]
    public async Task A_dropped_upload_is_not_logged_as_an_error_or_a_500(string path, string contentType, string partial)
    {
        await logged.SendAndDropAsync($"POST {path} HTTP/1.1\r\nContent-Type: {contentType}\r\nContent-Length: 5000", partial);

        var completed = await logged.Log.WaitForAsync(e => e.Properties.TryGetValue("RequestPath", out var p) && p.ToString() == $"\"{path}\"");

        var log = string.Join("\n", logged.Log.Events.Select(e => $"{e.Level}: {LogCollector.Text(e)}"));
        Assert.True(completed.Properties["StatusCode"].ToString() != "500", log);
        Assert.False(logged.Log.Events.Any(e => e.Level >= LogEventLevel.Error), log);
    }

    /// <summary>
    /// The request log, which records how each request ended, is written at Information. Only the
    /// dropped uploads use it, one path each, so each test finds its own request's entry.
    /// </summary>
    public sealed class InformationLoggingApp() : KestrelApp([new("Serilog:MinimumLevel:Default", "Information")]);
}
