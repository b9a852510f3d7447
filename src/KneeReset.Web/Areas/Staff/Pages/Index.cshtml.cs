using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages;

/// <summary>
/// The staff home: the library and accounts for those who run them; for a clinician, how runners'
/// shared links reach them and a box to open one. The link is posted, not sent in a query string,
/// so the token stays out of addresses and logs.
/// </summary>
public class IndexModel : PageModel
{
    [BindProperty]
    public string? SharedLink { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostOpen()
    {
        if (ShareToken(SharedLink) is { } token)
        {
            return Redirect($"/r/{token}");
        }
        ModelState.AddModelError(nameof(SharedLink), "That isn't a KneeReset share link. Paste the whole link the runner sent, for example https://…/r/ followed by 24 letters and digits.");
        return Page();
    }

    /// <summary>The token of a pasted share link (a whole address or just its /r/… path), or null.</summary>
    public static string? ShareToken(string? link)
    {
        var text = link?.Trim() ?? "";
        var at = text.LastIndexOf("/r/", StringComparison.Ordinal);
        var token = at < 0 ? text : text[(at + 3)..];
        token = token.Split('?', '#', '/')[0];
        return UnguessableToken.LooksValid(token) ? token : null;
    }
}
