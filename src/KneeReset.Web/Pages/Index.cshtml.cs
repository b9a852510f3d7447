using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Pages;

/// <summary>
/// The landing page: the same for every visitor, so it comes from the output cache, one entry
/// whatever the query string says. The page reads only "deleted" (the notice after a runner
/// deleted their result), and that view is never cached; signed-in staff get it fresh.
/// </summary>
[OutputCache(PolicyName = CachePolicy)]
public class IndexModel : PageModel
{
    public const string CachePolicy = "home";

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(CachePolicy, policy => policy.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery([])
            .With(context => !context.HttpContext.Request.Query.ContainsKey("deleted")));

    public void OnGet()
    {
    }
}
