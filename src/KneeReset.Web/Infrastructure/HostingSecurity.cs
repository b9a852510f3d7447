using System.Net;
using System.Security.Cryptography.X509Certificates;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.DataProtection;
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

public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX certificate (with its private key) that encrypts the keys at rest.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>Production refuses to start with keys in the clear unless this says the database is protected some other way.</summary>
    public bool AllowUnprotectedKeys { get; set; }
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

        AddKeyProtection(builder);
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

    /// <summary>
    /// Keys for cookies, antiforgery and set-password links survive restarts and are shared by
    /// every instance and the `staff add` command: kept in the database, encrypted with a
    /// certificate when one is configured. Production without one must say the database is
    /// protected otherwise.
    /// </summary>
    private static void AddKeyProtection(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(KeyProtectionOptions.Section);
        var settings = section.Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        builder.Services.AddOptions<KeyProtectionOptions>().Bind(section)
            .Validate(o => !builder.Environment.IsProduction() || o.CertificatePath is { Length: > 0 } || o.AllowUnprotectedKeys,
                "DataProtection:CertificatePath must name a PFX certificate in Production, so the keys are encrypted at rest " +
                "(or set DataProtection:AllowUnprotectedKeys=true when the database is protected another way).")
            .ValidateOnStart();
        var keys = builder.Services.AddDataProtection()
            .SetApplicationName("KneeReset")
            .PersistKeysToDbContext<KneeResetDbContext>();
        if (settings.CertificatePath is { Length: > 0 } path)
        {
            var certificate = LoadCertificate(Path.GetFullPath(path, builder.Environment.ContentRootPath), settings.CertificatePassword);
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath names {path}, which does not exist.");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate at {path} has no private key, so it cannot decrypt the keys it protects.");
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"The certificate at {path} can't be read (a PFX file and DataProtection:CertificatePassword are needed): {e.Message}", e);
        }
    }
}
