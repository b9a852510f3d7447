using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Telemetry;

/// <summary>With tracing on, the request log's TraceId is the trace the request's spans are exported under.</summary>
public sealed class RequestTraceTests(RequestTraceTests.TracingApp app) : IClassFixture<RequestTraceTests.TracingApp>
{
    private const string TraceHeader = "X-Test-Activity-Trace";

    /// <summary>Tracing on, exporting to an address where nothing listens (the export fails quietly, off the request).</summary>
    public sealed class TracingApp() : KneeResetFactory([
        new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"),
        new("Serilog:MinimumLevel:Default", "Information")])
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ActivityTraceHeader>());
        }
    }

    [Fact]
    public async Task The_request_log_line_carries_the_requests_activity_trace_id()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/routines", UriKind.Relative));
        var activityTrace = Assert.Single(response.Headers.GetValues(TraceHeader));
        Assert.Matches("^[0-9a-f]{32}$", activityTrace);

        var line = await app.Log.WaitForAsync(e => e.Properties.ContainsKey("StatusCode")
            && e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/routines\"");

        Assert.Equal($"\"{activityTrace}\"", line.Properties["TraceId"].ToString());
    }

    /// <summary>Tells the test the trace of the request's Activity, as the tracer sees it.</summary>
    private sealed class ActivityTraceHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.Headers[TraceHeader] = Activity.Current?.TraceId.ToHexString() ?? "none";
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
