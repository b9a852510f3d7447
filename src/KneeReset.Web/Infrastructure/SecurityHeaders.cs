namespace KneeReset.Web.Infrastructure;

/// <summary>
/// Security headers on every response. The Content-Security-Policy forbids inline script:
/// every script is a file under wwwroot/js.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Decided before the pipeline runs: an error page re-executed under /Error must keep the token path's headers.
            context.Response.OnStarting(TokenPaths.IsTokenPath(context.Request.Path) ? AddForTokenPath : AddForOtherPath, context);
            return next(context);
        });

    // Static callbacks with the context as state: nothing allocated per request for them.
    private static readonly Func<object, Task> AddForTokenPath = context => Add((HttpContext)context, tokenPath: true);
    private static readonly Func<object, Task> AddForOtherPath = context => Add((HttpContext)context, tokenPath: false);

    private static Task Add(HttpContext context, bool tokenPath)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Result pages carry a token in their URL: never leak it, never index it.
        if (tokenPath)
        {
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            headers.CacheControl = "no-store";
        }
        else
        {
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        }
        return Task.CompletedTask;
    }
}
