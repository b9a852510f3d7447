using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// Per-client limits (the client's address, taken from a configured proxy's X-Forwarded-For when
/// there is one): on every address that carries a token, so tokens cannot be guessed by brute
/// force; on sign-in attempts; and on what creates rows: assessments, drafts and session logs.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string NewAssessment = "new-assessment";
    public const string NewDraft = "new-draft";
    public const string SessionLog = "session-log";
    public const string TrainingImport = "training-import";
    public const string Email = "email";

    public sealed class Options
    {
        public const string Section = "RateLimits";
        public int TokenLookupsPerMinute { get; set; } = 60;
        public int SignInsPerMinute { get; set; } = 10;
        public int AssessmentsPerMinute { get; set; } = 10;
        public int DraftsPerMinute { get; set; } = 10;
        public int SessionLogsPerMinute { get; set; } = 20;
        public int TrainingImportsPerMinute { get; set; } = 10;
        /// <summary>Emails a client may ask for (a runner's private link): each is a message to any address.</summary>
        public int EmailsPerMinute { get; set; } = 3;

        public bool AllPositive() =>
            new[] { TokenLookupsPerMinute, SignInsPerMinute, AssessmentsPerMinute, DraftsPerMinute, SessionLogsPerMinute, TrainingImportsPerMinute, EmailsPerMinute }.All(n => n > 0);
    }

    public static IServiceCollection AddKneeResetRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Options>().Bind(configuration.GetSection(Options.Section))
            .Validate(o => o.AllPositive(), "Every RateLimits:*PerMinute setting must be a whole number above 0.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                // Pages get the friendly error page (status code pages); the API a problem.
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests: please wait a minute and try again.")
                        .ExecuteAsync(context.HttpContext);
                }
            };
            // Every address that carries a token (results, private pages, drafts, sessions) shares one budget.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => TokenPaths.IsTokenPath(context.Request.Path)
                ? RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => PerMinute(Current(context).TokenLookupsPerMinute))
                : RateLimitPartition.GetNoLimiter(""));
            AddPostLimit(limiter, SignIn, o => o.SignInsPerMinute);
            AddPostLimit(limiter, NewAssessment, o => o.AssessmentsPerMinute);
            // Every way of making a draft: the questionnaire's start (its only post) and the private
            // page's re-take (its Retake handler; that page's other posts make none).
            AddPostLimit(limiter, NewDraft, o => o.DraftsPerMinute, context => RunsHandler(context, null) || RunsHandler(context, "Retake"));
            AddPostLimit(limiter, SessionLog, o => o.SessionLogsPerMinute);
            AddPostLimit(limiter, Email, o => o.EmailsPerMinute);
            // Reading up to 64 MB of files is the costliest request there is: the API's imports and
            // the questionnaire step's Import handler count, not the step's other posts.
            AddPostLimit(limiter, TrainingImport, o => o.TrainingImportsPerMinute,
                context => context.Request.Path.StartsWithSegments("/api") || RunsHandler(context, "Import"));
        });
        return services;
    }

    /// <summary>Only posts count (showing a form does not), and of those only the ones <paramref name="counts"/> picks.</summary>
    private static void AddPostLimit(RateLimiterOptions limiter, string policy, Func<Options, int> permits, Func<HttpContext, bool>? counts = null) =>
        limiter.AddPolicy(policy, context => HttpMethods.IsPost(context.Request.Method) && (counts is null || counts(context))
            ? RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => PerMinute(permits(Current(context))))
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>
    /// Whether the post runs the page handler <paramref name="name"/> (null: the page's plain post),
    /// read as Razor Pages picks it: a route value, else the first "handler" in the query, any case;
    /// never the form. So ?handler=Import&amp;handler=Import runs, and counts as, Import.
    /// </summary>
    public static bool RunsHandler(HttpContext context, string? name)
    {
        var routed = Convert.ToString(context.Request.RouteValues["handler"], System.Globalization.CultureInfo.InvariantCulture);
        var handler = !string.IsNullOrEmpty(routed) ? routed
            : context.Request.Query.TryGetValue("handler", out var values) ? values[0] : null;
        return string.IsNullOrEmpty(handler) ? name is null : string.Equals(handler, name, StringComparison.OrdinalIgnoreCase);
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static Options Current(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<Options>>().Value;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
