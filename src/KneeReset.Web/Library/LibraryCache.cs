using System.Globalization;
using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Pages.Routines;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Library;

/// <summary>
/// Library pages and API answers come from the output cache; anything that changes the
/// library evicts them at once through <see cref="InvalidateAsync"/>.
/// What the cache keeps is bounded: a page varies only by the query keys it reads, so
/// /routines/x?anything is /routines/x, not one more entry (Redis has no memory cap of its own).
/// </summary>
public sealed class LibraryCache(IOutputCacheStore store, PublishedSnapshot snapshot)
{
    /// <summary>A library page or answer that reads no query string: one entry per path.</summary>
    public const string Policy = "library";

    /// <summary>
    /// The routine list: varies by its filters, and is kept only for the filter form's own choices
    /// with at most one filter set (the whole list and one page per choice: 24 with today's
    /// content). Other filters are answered fresh: a filter over the library in memory costs little,
    /// an entry for every made-up value or combination would cost Redis memory.
    /// </summary>
    public const string ListPolicy = "library-list";

    public const string Tag = "library";

    private static readonly string[] Filters =
        [nameof(IndexModel.Cause), nameof(IndexModel.Area), nameof(IndexModel.Kind), nameof(IndexModel.Minutes), nameof(IndexModel.NoEquipment)];

    private static readonly string[] MinuteChoices = [.. IndexModel.TimeChoices.Select(m => m.ToString(CultureInfo.InvariantCulture))];

    public static void Configure(OutputCacheOptions options)
    {
        options.AddPolicy(Policy, policy => Library(policy).SetVaryByQuery([]));
        options.AddPolicy(ListPolicy, policy => Library(policy).SetVaryByQuery(Filters).With(context => IsKeptFilter(context.HttpContext)));
    }

    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default)
    {
        // The store's stamp already tells every instance; this one need not even ask.
        snapshot.Forget();
        return store.EvictByTagAsync(Tag, cancellationToken);
    }

    // Never pages under a runner's private address (/m/…): a token must not sit in a shared cache.
    private static OutputCachePolicyBuilder Library(OutputCachePolicyBuilder policy) =>
        policy.Expire(TimeSpan.FromMinutes(10)).Tag(Tag).With(context => !TokenPaths.IsTokenPath(context.HttpContext.Request.Path));

    /// <summary>No filter, or one filter set to a choice the form offers (the form sends the others blank).</summary>
    private static bool IsKeptFilter(HttpContext http)
    {
        var query = http.Request.Query;
        if (query.Count == 0)
        {
            return true;
        }
        var content = http.RequestServices.GetRequiredService<ContentCatalog>();
        var set = 0;
        foreach (var filter in Filters)
        {
            var values = query[filter];
            if (values.Count > 1)
            {
                return false;
            }
            if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
            {
                continue;
            }
            if (++set > 1 || !IsChoice(filter, values[0]!, content))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsChoice(string filter, string value, ContentCatalog content) => filter switch
    {
        nameof(IndexModel.Cause) => content.Causes.Find(value) is not null,
        nameof(IndexModel.Area) => content.Library.BodyAreas.Contains(value),
        nameof(IndexModel.Kind) => content.Library.ExerciseKinds.Contains(value),
        nameof(IndexModel.Minutes) => MinuteChoices.Contains(value),
        // The checkbox's value; unticked, the form sends nothing.
        nameof(IndexModel.NoEquipment) => value == "true",
        _ => false,
    };
}
