using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KneeReset.Web.Infrastructure;

public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. None: nobody's are.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, as "10.0.0.0/8".</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// How the app sits on the network and keeps its secrets: no Server header, HSTS outside
/// development, client addresses from configured proxies only, Secure cookies wherever HTTPS
/// is expected, and Data Protection keys encrypted at rest with a configured certificate.
/// </summary>
public static class HostingSecurity
{
    public static WebApplicationBuilder AddHostingSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

        // Lists as "10.0.0.5;10.0.0.6" as well as Proxy__KnownProxies__0 (ListSettings).
        builder.Services.AddOptions<ProxyOptions>().BindWithLists(builder.Configuration.GetSection(ProxyOptions.Section))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)) && o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Proxy:KnownProxies must be IP addresses and Proxy:KnownNetworks networks such as 10.0.0.0/8 (several separated by ';').")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((forwarded, settings) =>
        {
            var proxies = settings.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: not even loopback is believed by default.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddSingleton<UntrustedForwarders>();

        // Development and the tests run on plain HTTP; everywhere else cookies are HTTPS-only.
        builder.Services.Configure<CookiePolicyOptions>(cookies => cookies.Secure = builder.Environment.IsDevelopment()
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always);

        builder.AddKeyProtection();
        return builder;
    }

    public static WebApplication UseHostingSecurity(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value;
        if (app.Environment.IsProduction())
        {
            var untrusted = app.Services.GetRequiredService<UntrustedForwarders>();
            app.Use((context, next) =>
            {
                untrusted.Check(context);
                return next(context);
            });
        }
        if (proxies.KnownProxies.Length + proxies.KnownNetworks.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseCookiePolicy();
        return app;
    }
}
