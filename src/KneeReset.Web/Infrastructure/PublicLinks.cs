using Microsoft.Extensions.Options;

namespace KneeReset.Web.Infrastructure;

public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The site's public address, such as "https://knee.example". Absolute links (the API's
    /// resultUrl and manageUrl, the share box and its QR code, staff invites) start with it; the
    /// Host header never builds a link. Unset, links are relative. Required in Production.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Links to this site, built from configuration (never from the request's Host header).</summary>
public sealed class PublicLinks(IOptions<AppOptions> options)
{
    public bool IsAbsolute => options.Value.PublicBaseUrl is { Length: > 0 };

    /// <summary>"/r/abc" as "https://knee.example/r/abc", or as it is when no public address is configured.</summary>
    public string To(string path) =>
        IsAbsolute ? options.Value.PublicBaseUrl!.TrimEnd('/') + path : path;
}

public static class PublicLinksSetup
{
    public static IServiceCollection AddPublicLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section))
            .Validate(o => o.PublicBaseUrl is null or "" || IsSiteAddress(o.PublicBaseUrl),
                "App:PublicBaseUrl must be the site's address with http or https and nothing after the host, e.g. https://knee.example.")
            .Validate<IHostEnvironment>((o, environment) => !environment.IsProduction() || o.PublicBaseUrl is { Length: > 0 },
                "App:PublicBaseUrl must be set in Production (e.g. https://knee.example): share links and the runner's private link are built from it.")
            .Validate(o => !Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) || HostAllowed(configuration["AllowedHosts"], uri.Host),
                "The host of App:PublicBaseUrl must be listed in AllowedHosts, or every request to it is refused.")
            .ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        return services;
    }

    private static bool IsSiteAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;

    private static bool HostAllowed(string? allowedHosts, string host) =>
        string.IsNullOrEmpty(allowedHosts) || allowedHosts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(h => h == "*" || string.Equals(h, host, StringComparison.OrdinalIgnoreCase)
                || (h.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase)));
}
