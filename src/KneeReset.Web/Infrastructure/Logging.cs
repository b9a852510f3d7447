using System.Collections.Concurrent;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;

namespace KneeReset.Web.Infrastructure;

/// <summary>One logging set-up: Serilog from configuration, structured request logs with tokens masked.</summary>
public static class Logging
{
    public static WebApplicationBuilder AddKneeResetLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        // This app's own logger, not Serilog's shared static one, which every host that starts in
        // the same process replaces (the tests start many): a logger kept from the factory below
        // would otherwise write to whichever host set it last.
        builder.Services.AddSerilog((services, config) =>
        {
            config.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With(new CurrentRequest(services.GetRequiredService<IHttpContextAccessor>()))
                .Enrich.With<MaskRequestPath>()
                // Which build and which instance wrote each line, when several run behind a proxy.
                .Enrich.WithProperty("Version", AppVersion.Version)
                .Enrich.WithProperty("Instance", builder.Configuration[$"{InstanceOptions.Section}:Name"] is { Length: > 0 } name ? name : Environment.MachineName)
                // Readiness says what changed once (Health/ReadinessLog); the framework's and EF's own
                // lines during a probe would repeat a stack trace every few seconds of an outage.
                .Filter.ByExcluding(FrameworkLineDuringProbe);
            // The host's request diagnostics write two lines per request that the request log
            // below replaces, and while their category is enabled at all, the host also starts an
            // Activity and opens a log scope for every request: some 7 % of a cached page's CPU
            // (docs/performance.md). Off unless configured; CurrentRequest puts the scope's
            // request id and path on every event instead. Tracing (an ActivityListener) still gets
            // its Activity: the host starts one whenever something listens.
            if (builder.Configuration[$"Serilog:MinimumLevel:Override:{HostingDiagnostics}"] is null)
            {
                config.MinimumLevel.Override(HostingDiagnostics, LevelAlias.Off);
            }
        }, preserveStaticLogger: true);
        // Serilog's factory builds a new logger on every call, and ASP.NET Core asks for one on every
        // request (an authentication handler is made per request): keep one per category, as
        // Microsoft's own factory does.
        var serilogFactory = builder.Services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        builder.Services.Remove(serilogFactory);
        builder.Services.AddSingleton<ILoggerFactory>(services => new LoggerPerCategory((ILoggerFactory)serilogFactory.ImplementationFactory!(services)));
        // Request logs too (the middleware would take the static one).
        builder.Services.AddOptions<RequestLoggingOptions>().Configure<Serilog.ILogger>((options, logger) => options.Logger = logger);
        return builder;
    }

    /// <summary>One logger per category over a factory that would otherwise make one per call.</summary>
    internal sealed class LoggerPerCategory(ILoggerFactory inner) : ILoggerFactory
    {
        private readonly ConcurrentDictionary<string, Microsoft.Extensions.Logging.ILogger> _loggers = new(StringComparer.Ordinal);

        // Made once: a method group passed to GetOrAdd would be a new delegate on every request.
        private readonly Func<string, Microsoft.Extensions.Logging.ILogger> _create = inner.CreateLogger;

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, _create);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    public static IApplicationBuilder UseKneeResetRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // Static files (MapStaticAssets serves them as endpoints, so they pass through here)
            // would add several lines per page view: Debug, unless they fail. An address with a token
            // is never a static file, though it may end like one (the calendar feed's calendar.ics).
            // Probes too: a balancer asks every few seconds, and a change of readiness is logged on its own.
            // A metrics scraper too (it asks every few seconds), unless the scrape fails.
            options.GetLevel = (context, _, error) =>
                context.Request.Path.StartsWithSegments(Health.ProbeHosts.ProbePath) ? LogEventLevel.Debug
                : context.Request.Path.StartsWithSegments(Telemetry.TelemetrySetup.MetricsPath) && error is null && context.Response.StatusCode < 500 ? LogEventLevel.Debug
                : error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Response.StatusCode < 400 && Path.HasExtension(context.Request.Path.Value) && !TokenPaths.IsTokenPath(context.Request.Path) ? LogEventLevel.Debug
                : LogEventLevel.Information;
            // Who asked (after forwarded headers, so behind a proxy the runner, even on a 429) and the
            // trace the request belongs to.
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("ClientAddress", context.Connection.RemoteIpAddress?.ToString());
                diagnostics.Set("TraceId", TraceId(context));
            };
            // The request path is the only place a share token could reach the log: mask it.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(TokenPaths.Mask(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });

    /// <summary>The request's trace: its Activity's when tracing is on, else the caller's traceparent, else the request id.</summary>
    internal static string TraceId(HttpContext context) =>
        System.Diagnostics.Activity.Current is { } activity ? activity.TraceId.ToHexString()
        : System.Diagnostics.ActivityContext.TryParse(context.Request.Headers.TraceParent, null, out var caller) ? caller.TraceId.ToHexString()
        : context.TraceIdentifier;

    private static bool FrameworkLineDuringProbe(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("RequestPath", out var path) && path is ScalarValue { Value: string p }
            && p.StartsWith(Health.ProbeHosts.ProbePath, StringComparison.Ordinal)
            && logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string category }
            && category.StartsWith("Microsoft.", StringComparison.Ordinal);

    /// <summary>The host's logging category for requests (its lines, scope and Activity).</summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Every event logged while a request is served (a framework warning, an unhandled exception,
    /// the request log itself) names the request: its id, as Kestrel numbers it, and its path,
    /// masked. What the host's log scope gave, without a scope per request.
    /// </summary>
    private sealed class CurrentRequest(IHttpContextAccessor requests) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (requests.HttpContext is not { } context)
            {
                return;
            }
            logEvent.AddPropertyIfAbsent(new LogEventProperty("RequestId", new ScalarValue(context.TraceIdentifier)));
            // The request log's own line already has its path: mask only when there is none.
            if (!logEvent.Properties.ContainsKey("RequestPath"))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty("RequestPath", new ScalarValue(TokenPaths.Mask(context.Request.Path.Value ?? "/"))));
            }
        }
    }

    /// <summary>
    /// Where configuration turns the host's request diagnostics back on, its scope carries the raw
    /// path to every event logged during a request (RequestPath) and its "Request starting" line
    /// names it too (Path): mask the token in both.
    /// </summary>
    private sealed class MaskRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            Mask(logEvent, "RequestPath");
            Mask(logEvent, "Path");
        }

        private static void Mask(LogEvent logEvent, string property)
        {
            if (logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: string path })
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(property, new ScalarValue(TokenPaths.Mask(path))));
            }
        }
    }
}
