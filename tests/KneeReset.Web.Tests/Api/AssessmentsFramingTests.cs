namespace KneeReset.Web.Tests.Api;

/// <summary>Bodies framed badly on the wire get a 400 problem, never a 500 (issue 9, findings 2 and 11).</summary>
public sealed class AssessmentsFramingTests : IDisposable
{
    private readonly KestrelApp _app = new();

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 3", "5\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 300", "5\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked", "zz\r\n{\"a\":\r\n0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked", "4\r\n{\"a\":1}\r\n0\r\n\r\n")]
    public async Task A_badly_framed_body_gets_400_problem_json(string framing, string body)
    {
        var response = await _app.SendRawAsync($"POST /api/assessments HTTP/1.1\r\nContent-Type: application/json\r\n{framing}", body);

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
