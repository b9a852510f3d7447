using KneeReset.Web.Caching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Pages;

/// <summary>
/// The landing page: the same for every visitor, so it comes from the output cache, one entry
/// whatever the query string says (<see cref="CachePolicies.Home"/>).
/// </summary>
[OutputCache(PolicyName = CachePolicies.Home)]
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
