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
        // This app's own logger, not Serilog's shared static one, which every host that starts in
        // the same process replaces (the tests start many): a logger kept from the factory below
        // would otherwise write to whichever host set it last.
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<MaskRequestPath>(), preserveStaticLogger: true);
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
            // would add several lines per page view: Debug, unless they fail.
            options.GetLevel = (context, _, error) =>
                error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Response.StatusCode < 400 && Path.HasExtension(context.Request.Path.Value) ? LogEventLevel.Debug
                : LogEventLevel.Information;
            // The request path is the only place a share token could reach the log: mask it.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(TokenPaths.Mask(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });

    /// <summary>
    /// Any event logged during a request (a framework warning, a failed antiforgery check) carries
    /// the request's path from the hosting scope: mask the token there too.
    /// </summary>
    private sealed class MaskRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (logEvent.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string path })
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty("RequestPath", new ScalarValue(TokenPaths.Mask(path))));
            }
        }
    }
}
