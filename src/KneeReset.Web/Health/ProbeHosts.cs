namespace KneeReset.Web.Health;

/// <summary>
/// Probes answer whatever the Host header: load balancers, Kubernetes and Docker don't send the
/// public host, and AllowedHosts=knee.example answered them 400 (issue 28). The host's own
/// filter (a startup filter, ahead of everything) is replaced by the same filter, with the same
/// AllowedHosts, on every path but /healthz.
/// </summary>
public static class ProbeHosts
{
    public const string ProbePath = "/healthz";

    public static IServiceCollection LetProbesAnswerAnyHost(this IServiceCollection services)
    {
        services.RemoveAll(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter");
        return services;
    }

    public static IApplicationBuilder UseHostFilteringExceptProbes(this IApplicationBuilder app) =>
        app.UseWhen(c => !c.Request.Path.StartsWithSegments(ProbePath), other => other.UseHostFiltering());

    private static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(match).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
