using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Caching;

/// <summary>
/// The shared result page (/r/{token}) comes from the output cache, safely: before any lookup the
/// link's state is read (from <see cref="ShareLinkStates"/> where they are kept, else with one
/// indexed query), and only an open link without a passcode (<see cref="StoredAssessment.IsOpen(DateTimeOffset)"/>)
/// is answered from the cache: a revoke, an expiry or a passcode takes effect here, on the next
/// visit, whatever the cache holds. A page is kept a minute at most and never past its link's end;
/// what it shows (the plan, the sessions, the history, the routines) is forgotten by
/// <see cref="CacheEviction"/> after every change to it.
/// </summary>
public sealed class ResultPagePolicy : IOutputCachePolicy
{
    /// <summary>Bounds what eviction cannot reach: another instance's local cache, time passing.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (!context.EnableOutputCaching)
        {
            return;
        }
        // One policy serves every request: the request's own services give the store and the clock.
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var token = context.HttpContext.GetRouteValue("token") as string;
        var link = UnguessableToken.LooksValid(token) ? await LinkStateAsync(token!, services, cancellationToken) : null;
        if (link is null || link.Protected || !link.IsOpen(now))
        {
            // The page itself answers: a 404, or the passcode form.
            context.EnableOutputCaching = false;
            return;
        }
        context.Tags.Add(CachePolicies.SeriesTag(link.SeriesKey));
        context.Tags.Add(CachePolicies.ResultPagesTag);
        context.Tags.Add(CachePolicies.LibraryTag);
        var left = link.ExpiresAt - now;
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
