using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// The host's own request diagnostics are off (their log scope and Activity cost every request),
/// yet whatever is logged during a request still names it: its id and its path, token masked.
/// Configuration can turn the host's lines back on, and they mask tokens too.
/// </summary>
public sealed class RequestLogContextTests(RequestLogContextTests.AppThatLogsInRequests app, RequestLogContextTests.HostLinesOnApp hostLinesOn)
    : IClassFixture<RequestLogContextTests.AppThatLogsInRequests>, IClassFixture<RequestLogContextTests.HostLinesOnApp>
{
    [Fact]
    public async Task An_event_logged_during_a_request_carries_its_id_and_masked_path()
    {
        using var client = app.CreateBrowser();
        var token = "token" + Guid.NewGuid().ToString("N");
        using (await client.GetAsync(new Uri($"/r/{token}/fhir", UriKind.Relative)))
        {
        }

        var inside = await app.Log.WaitForAsync(e => e.MessageTemplate.Text == LogsInRequests.Message);
        Assert.Equal("\"/r/***/fhir\"", inside.Properties["RequestPath"].ToString());
        var requestId = inside.Properties["RequestId"].ToString();
        var completed = await app.Log.WaitForAsync(e => e.Properties.ContainsKey("StatusCode") && e.Properties["RequestId"].ToString() == requestId);
        Assert.Equal("\"/r/***/fhir\"", completed.Properties["RequestPath"].ToString());

        using var other = await client.GetAsync(new Uri("/routines", UriKind.Relative));
        var elsewhere = await app.Log.WaitForAsync(e => e.MessageTemplate.Text == LogsInRequests.Message && e.Properties["RequestPath"].ToString() == "\"/routines\"");
        Assert.NotEqual(requestId, elsewhere.Properties["RequestId"].ToString());
        Assert.DoesNotContain(app.Log.Events, e => LogCollector.Text(e).Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public void The_hosts_request_diagnostics_are_off_unless_configured()
    {
        Assert.False(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Logging.HostingDiagnostics).IsEnabled(LogLevel.Critical));
        Assert.True(hostLinesOn.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Logging.HostingDiagnostics).IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task The_hosts_lines_turned_back_on_mask_the_token_too()
    {
        using var client = hostLinesOn.CreateBrowser();
        var token = "token" + Guid.NewGuid().ToString("N");
        using (await client.GetAsync(new Uri($"/r/{token}", UriKind.Relative)))
        {
        }

        var starting = await hostLinesOn.Log.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("Request starting", StringComparison.Ordinal));
        Assert.Contains("/r/***", starting.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await hostLinesOn.Log.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("Request finished", StringComparison.Ordinal));
        Assert.DoesNotContain(hostLinesOn.Log.Events, e => LogCollector.Text(e).Contains(token, StringComparison.Ordinal));
    }

    /// <summary>Logs a warning from inside every request, before the app's own pipeline.</summary>
    public sealed class AppThatLogsInRequests() : KneeResetFactory([new("Serilog:MinimumLevel:Default", "Information")])
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, LogsInRequests>());
        }
    }

    public sealed class HostLinesOnApp() : KneeResetFactory([
        new("Serilog:MinimumLevel:Default", "Information"),
        new($"Serilog:MinimumLevel:Override:{Logging.HostingDiagnostics}", "Information")]);

    private sealed class LogsInRequests(ILoggerFactory loggers) : IStartupFilter
    {
        public const string Message = "Inside a request";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var logger = loggers.CreateLogger("KneeReset.Web.Tests.InsideRequests");
            app.Use((context, nextInPipeline) =>
            {
                logger.LogWarning(Message);
                return nextInPipeline(context);
            });
            next(app);
        };
    }
}
