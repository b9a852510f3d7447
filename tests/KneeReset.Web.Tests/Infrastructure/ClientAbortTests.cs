using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>A client that goes away mid-request is logged as such, not as a server error (issue 9, finding 11).</summary>
public sealed class ClientAbortTests : IDisposable
{
    private readonly LogCollector _log = new();
    private readonly KestrelApp _app;

    public ClientAbortTests() =>
        _app = new KestrelApp([new("Serilog:MinimumLevel:Default", "Information")], s => s.AddSingleton<ILogEventSink>(_log));

    [Theory]
    [InlineData("/api/assessments", "application/json", "{\"answers\":{\"age\":")]
    [InlineData("/assess", "application/x-www-form-urlencoded", "__RequestVerificationToken=abc&q.age=3")]
    public async Task A_dropped_upload_is_not_logged_as_an_error_or_a_500(string path, string contentType, string partial)
    {
        await _app.SendAndDropAsync($"POST {path} HTTP/1.1\r\nContent-Type: {contentType}\r\nContent-Length: 5000", partial);

        var completed = await _log.WaitForAsync(e => e.Properties.TryGetValue("RequestPath", out var p) && p.ToString() == $"\"{path}\"");

        var log = string.Join("\n", _log.Events.Select(e => $"{e.Level}: {LogCollector.Text(e)}"));
        Assert.True(completed.Properties["StatusCode"].ToString() != "500", log);
        Assert.False(_log.Events.Any(e => e.Level >= LogEventLevel.Error), log);
    }

    public void Dispose() => _app.Dispose();
}
