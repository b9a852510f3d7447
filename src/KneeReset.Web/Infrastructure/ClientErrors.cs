using Microsoft.AspNetCore.Connections;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// Requests that fail through the client's doing are not server errors: a client that goes away
/// mid-request ends as 499 (logged at Information), and a request the server could not read (a
/// body cut short, bad framing, one over the size limit) gets the 4xx it deserves, shown as the
/// error page or a problem. Sits inside the request log so the log records what really happened.
/// </summary>
public static class ClientErrors
{
    public static IApplicationBuilder UseClientErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (ClientWentAway(context, e))
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                }
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = e.StatusCode;
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: e.StatusCode, title: "The request could not be read.", detail: e.Message).ExecuteAsync(context);
                }
            }
        });

    /// <summary>
    /// A reset connection can fail a read before the request's abort token is signalled, so the
    /// connection exceptions count on their own; other I/O errors only once the client is gone.
    /// </summary>
    private static bool ClientWentAway(HttpContext context, Exception e) =>
        e is ConnectionResetException or ConnectionAbortedException
        || (e is OperationCanceledException or IOException or BadHttpRequestException && context.RequestAborted.IsCancellationRequested);
}
