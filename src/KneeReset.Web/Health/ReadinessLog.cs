using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeReset.Web.Health;

/// <summary>
/// Readiness logged once per change of state (Healthy, Degraded, Unhealthy), not once per probe:
/// during an outage probes come every few seconds from every balancer, and a stack trace each
/// time buried the log (issue 28). The line names each check that is not healthy, with its
/// description and the exception's message, never its stack trace.
/// </summary>
public sealed partial class ReadinessLog(ILogger<ReadinessLog> logger)
{
    // Healthy at start: an instance that starts healthy logs nothing until something changes.
    private int _last = (int)HealthStatus.Healthy;

    public void Observe(HealthReport report)
    {
        if (Interlocked.Exchange(ref _last, (int)report.Status) == (int)report.Status)
        {
            return;
        }
        var problems = string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Status} ({e.Value.Description}{(e.Value.Exception is { } x ? $" {x.GetType().Name}: {x.Message}" : "")})"));
        var level = report.Status switch
        {
            HealthStatus.Healthy => LogLevel.Information,
            HealthStatus.Degraded => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        Changed(logger, level, report.Status, problems.Length > 0 ? problems : "every check passes");
    }

    [LoggerMessage(Message = "Readiness is now {ReadinessStatus}: {ReadinessProblems}")]
    private static partial void Changed(ILogger logger, LogLevel level, HealthStatus readinessStatus, string readinessProblems);

    /// <summary>The probe's answer as the framework writes it (the status in plain text), after noting the state.</summary>
    public Task WriteAsync(HttpContext context, HealthReport report)
    {
        Observe(report);
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
