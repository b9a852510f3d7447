using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Library;

/// <summary>
/// Library pages and API answers come from the output cache; anything that changes the
/// library evicts them at once through <see cref="InvalidateAsync"/>.
/// </summary>
public sealed class LibraryCache(IOutputCacheStore store, PublishedSnapshot snapshot)
{
    public const string Policy = "library";
    public const string Tag = "library";

    public static void Configure(OutputCacheOptions options) =>
        // Never pages under a runner's private address (/m/…): a token must not sit in a shared cache.
        options.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromMinutes(10)).Tag(Tag)
            .With(context => !Infrastructure.TokenPaths.IsTokenPath(context.HttpContext.Request.Path)));

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        // The store's stamp already tells every instance; this one need not even ask.
        snapshot.Forget();
        return store.EvictByTagAsync(Tag, cancellationToken);
    }
}
