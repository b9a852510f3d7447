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

    public sealed class Options
    {
        public const string Section = "RateLimits";
        public int TokenLookupsPerMinute { get; set; } = 60;
        public int SignInsPerMinute { get; set; } = 10;
        public int AssessmentsPerMinute { get; set; } = 10;
        public int DraftsPerMinute { get; set; } = 10;
        public int SessionLogsPerMinute { get; set; } = 20;
        public int TrainingImportsPerMinute { get; set; } = 10;

        public bool AllPositive() =>
            new[] { TokenLookupsPerMinute, SignInsPerMinute, AssessmentsPerMinute, DraftsPerMinute, SessionLogsPerMinute, TrainingImportsPerMinute }.All(n => n > 0);
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
            AddPostLimit(limiter, NewDraft, o => o.DraftsPerMinute);
            AddPostLimit(limiter, SessionLog, o => o.SessionLogsPerMinute);
            // Reading up to 200 MB of files is the costliest request there is: only imports count,
            // not the questionnaire step's other posts (?handler=Import marks the step's import).
            limiter.AddPolicy(TrainingImport, context => HttpMethods.IsPost(context.Request.Method)
                && (context.Request.Path.StartsWithSegments("/api") || string.Equals(context.Request.Query["handler"], "Import", StringComparison.OrdinalIgnoreCase))
                ? RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => PerMinute(Current(context).TrainingImportsPerMinute))
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>Only posts count; showing a form does not.</summary>
    private static void AddPostLimit(RateLimiterOptions limiter, string policy, Func<Options, int> permits) =>
        limiter.AddPolicy(policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => PerMinute(permits(Current(context))))
            : RateLimitPartition.GetNoLimiter(""));

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static Options Current(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<Options>>().Value;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
