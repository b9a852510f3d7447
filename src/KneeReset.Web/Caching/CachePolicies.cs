using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Caching;

/// <summary>
/// The output cache's policies and tags: which pages are kept, for how long, and under which tag
/// <see cref="CacheEviction"/> forgets them (docs/architecture.md, "Caching", has the whole table).
/// What the cache keeps is bounded: a page varies only by the query keys it reads, so
/// /routines/x?anything is /routines/x, not one more entry (Redis has no memory cap of its own).
/// Signed-in staff and anything that sets a cookie bypass every policy (the default policy's rules).
/// </summary>
public static class CachePolicies
{
    /// <summary>The landing page: one entry, 10 minutes; nothing in the store changes it.</summary>
    public const string Home = "home";

    /// <summary>A library page or answer that reads no query string: one entry per path, 10 minutes or until the library changes.</summary>
    public const string Library = "library";

    /// <summary>
    /// The routine list: varies by its filters, and is kept only for the filter form's own choices
    /// with at most one filter set (the whole list and one page per choice: 24 with today's
    /// content). Other filters are answered fresh: a filter over the library in memory costs little,
    /// an entry for every made-up value or combination would cost Redis memory.
    /// </summary>
    public const string LibraryList = "library-list";

    /// <summary>The shared result page /r/{token}: see <see cref="ResultPagePolicy"/>.</summary>
    public const string ResultPage = "result-page";

    /// <summary>Every library page, and every result page (it names routines).</summary>
    public const string LibraryTag = "library";

    /// <summary>Every result page.</summary>
    public const string ResultPagesTag = "result-pages";

    /// <summary>The result pages of one series (a result and its re-takes: each page charts them all).</summary>
    public static string SeriesTag(string seriesKey) => $"result-series:{seriesKey}";

    /// <summary>Every cached page carries one of these: what evicting everything means.</summary>
    public static readonly IReadOnlyList<string> EverythingTags = [LibraryTag, ResultPagesTag];

    public static readonly TimeSpan LibraryLifetime = TimeSpan.FromMinutes(10);

    public static void Configure(OutputCacheOptions options)
    {
        // The page reads only "deleted" (the notice after a runner deleted their result), and that view is never kept.
        options.AddPolicy(Home, policy => policy.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery([])
            .With(context => !context.HttpContext.Request.Query.ContainsKey("deleted")));
        options.AddPolicy(Library, policy => LibraryPage(policy).SetVaryByQuery([]));
        options.AddPolicy(LibraryList, policy => LibraryPage(policy).SetVaryByQuery([.. RoutineListFilters.Names]).With(context => IsKeptFilter(context.HttpContext)));
        // The page reads no query string: /r/{token}?anything is one more name for /r/{token}, not one more entry.
        options.AddPolicy(ResultPage, policy => policy.SetVaryByQuery([]).AddPolicy<ResultPagePolicy>());
    }

    // Never pages under a runner's private address (/m/…): a token must not sit in a shared cache.
    private static OutputCachePolicyBuilder LibraryPage(OutputCachePolicyBuilder policy) =>
        policy.Expire(LibraryLifetime).Tag(LibraryTag).With(context => !TokenPaths.IsTokenPath(context.HttpContext.Request.Path));

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
        foreach (var filter in RoutineListFilters.Names)
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
            if (++set > 1 || !RoutineListFilters.IsChoice(filter, values[0]!, content))
            {
                return false;
            }
        }
        return true;
    }
}
