using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KneeReset.Web.Telemetry;

/// <summary>
/// Traces and metrics for ASP.NET Core, HttpClient, EF Core/Npgsql, the runtime and the app's own
/// counters (<see cref="AppMetrics"/>): exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is
/// set, and served as Prometheus text at /metrics only when Telemetry:Prometheus is true.
/// </summary>
public static class TelemetrySetup
{
    public const string Section = "Telemetry";

    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddKneeResetTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = PrometheusOn(configuration);
        if (!otlp && !prometheus)
        {
            // Nothing would read them: no providers, no listeners, no cost per request.
            return services;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kneereset", serviceVersion: Infrastructure.AppVersion.Version))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AppMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql");
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                if (otlp)
                {
                    // Reads OTEL_EXPORTER_OTLP_ENDPOINT (and _PROTOCOL, _HEADERS) itself.
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Traces only leave the process over OTLP: without an endpoint there is no tracer at all.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter());
        }
        return services;
    }

    /// <summary>
    /// Prometheus text at /metrics when configured (404 otherwise, as any unknown path). Behind the
    /// host filter like every page: the scraper sends the public host name or scrapes through the proxy.
    /// </summary>
    public static void MapMetrics(this WebApplication app)
    {
        if (PrometheusOn(app.Configuration))
        {
            // Every scrape reads the counters now: never an answer kept by a cache on the way.
            app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath), metrics => metrics.Use((context, next) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return next(context);
            }));
            app.MapPrometheusScrapingEndpoint(MetricsPath).DisableRateLimiting();
        }
    }

    private static bool PrometheusOn(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Prometheus");
}
