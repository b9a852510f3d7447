using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Assessments;

/// <summary>
/// The shared result page (/r/{token}) comes from the output cache, safely:
/// before any lookup the link's state is read (from <see cref="ShareLinkStates"/> where they are
/// kept, else with one indexed query), so a revoked, expired or passcode-protected link is never
/// answered from the cache, on any instance and at once;
/// signed-in clinicians and anything that sets a cookie bypass it (the default policy).
/// What the page shows (the plan, the sessions, the history) is evicted by every save that
/// changes it, through <see cref="ResultPageEviction"/>, and by every library change.
/// </summary>
public sealed class ResultPageCache : IOutputCachePolicy
{
    public const string Policy = "result-page";
    public const string AllTag = "result-pages";

    /// <summary>Bounds what eviction cannot reach: another instance's local cache, time passing.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // The page reads no query string: /r/{token}?anything is one more name for /r/{token}, not one more entry.
    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(Policy, policy => policy.SetVaryByQuery([]).AddPolicy<ResultPageCache>());

    public static string SeriesTag(string seriesKey) => $"result-series:{seriesKey}";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (!context.EnableOutputCaching)
        {
            return;
        }
        // One policy serves every request: the request's own services give the store and the clock.
        var services = context.HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var token = context.HttpContext.GetRouteValue("token") as string;
        var link = ShareToken.LooksValid(token) ? await LinkStateAsync(token!, services, cancellationToken) : null;
        var left = link is null ? TimeSpan.Zero : link.ExpiresAt - clock.GetUtcNow();
        if (link is null || link.Protected || link.Revoked || left <= TimeSpan.Zero)
        {
            // The page itself answers: a 404, or the passcode form.
            context.EnableOutputCaching = false;
            return;
        }
        context.Tags.Add(SeriesTag(link.SeriesKey));
        context.Tags.Add(AllTag);
        context.Tags.Add(LibraryCache.Tag);
        context.ResponseExpirationTimeSpan = left < Lifetime ? left : Lifetime;
    }

    private static async Task<ShareLinkState?> LinkStateAsync(string token, IServiceProvider services, CancellationToken cancellationToken)
    {
        var states = services.GetRequiredService<ShareLinkStates>();
        if (states.TryGet(token, out var known))
        {
            return known;
        }
        var generation = states.Generation;
        var link = await services.GetRequiredService<KneeResetDbContext>().Assessments.AsNoTracking().Where(a => a.Token == token)
            .Select(a => new ShareLinkState(a.SeriesKey, a.PasscodeHash != null, a.ShareRevoked, a.ShareExpiresAt)).FirstOrDefaultAsync(cancellationToken);
        // Unknown tokens are not kept: guessing would only fill the memory.
        if (link is not null)
        {
            states.Remember(token, link, generation);
        }
        return link;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
