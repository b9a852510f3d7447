using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>Share, manage and draft tokens never reach the log: request paths are masked.</summary>
public sealed class TokenLoggingTests : IDisposable
{
    private readonly StaffLoggingApp _app = new();
    private readonly CollectingSink _sink = new();

    [Fact]
    public async Task Tokens_never_appear_in_the_request_log()
    {
        // The app adds every ILogEventSink in its services to its Serilog logger.
        using var factory = _app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(_sink)));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var (share, manage) = await RunnerResults.CreateAsync(client);
        await client.GetAsync(new Uri(share, UriKind.Relative));
        await client.GetAsync(new Uri(share + "/fhir", UriKind.Relative));
        await client.GetAsync(new Uri(manage, UriKind.Relative));
        await client.GetAsync(new Uri("/api/assessments/" + RunnerResults.TokenOf(share), UriKind.Relative));
        using var start = await client.SubmitAsync("/assess", null);
        var draft = Browser.AssertRedirect(start);
        await client.GetAsync(new Uri(draft, UriKind.Relative));

        var log = string.Join("\n", _sink.Lines);
        Assert.Contains("/r/***", log, StringComparison.Ordinal);
        Assert.Contains("/m/***", log, StringComparison.Ordinal);
        Assert.Contains("/assess/***", log, StringComparison.Ordinal);
        foreach (var token in new[] { RunnerResults.TokenOf(share), RunnerResults.TokenOf(manage), draft.Split('/')[2] })
        {
            Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Every event as text: the rendered message and every property.</summary>
    private sealed class CollectingSink : ILogEventSink
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Emit(LogEvent logEvent) =>
            Lines.Enqueue(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " +
                string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")));
    }

    private sealed class StaffLoggingApp() : StaffApp([new("Serilog:MinimumLevel:Default", "Information")]);
}
