using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
