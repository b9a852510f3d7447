using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Pages;

/// <summary>
/// The landing page: the same for every visitor, so it comes from the output cache (varied by
/// the query string, which carries the "deleted" notice; signed-in staff get it fresh).
/// </summary>
[OutputCache(Duration = 600)]
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
