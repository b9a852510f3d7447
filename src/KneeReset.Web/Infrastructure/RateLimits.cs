using System.Threading.RateLimiting;

namespace KneeReset.Web.Infrastructure;

/// <summary>Per-client limits on look-ups by token, so tokens cannot be guessed by brute force.</summary>
public static class RateLimits
{
    public const string TokenLookup = "token-lookup";
    public const string SignIn = "sign-in";
    public const string TrainingImport = "training-import";

    public sealed class Options
    {
        public const string Section = "RateLimits";
        public int TokenLookupsPerMinute { get; set; } = 60;
        public int SignInsPerMinute { get; set; } = 10;
        public int TrainingImportsPerMinute { get; set; } = 10;
    }

    public static IServiceCollection AddKneeResetRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Options.Section).Get<Options>() ?? new Options();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(TokenLookup, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.TokenLookupsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Only sign-in attempts (posts) count; showing the form does not.
            limiter.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));
            // Reading up to 200 MB of files is the costliest request there is: only imports count,
            // not the questionnaire step's other posts (?handler=Import marks the step's import).
            limiter.AddPolicy(TrainingImport, context => HttpMethods.IsPost(context.Request.Method)
                && (context.Request.Path.StartsWithSegments("/api") || string.Equals(context.Request.Query["handler"], "Import", StringComparison.OrdinalIgnoreCase))
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.TrainingImportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("other"));
        });
        return services;
    }
}
