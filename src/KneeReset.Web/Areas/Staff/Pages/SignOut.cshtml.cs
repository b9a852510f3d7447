using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages;

/// <summary>
/// Signing out ends the session on the server too: the security stamp changes, so a copy of the
/// cookie (another tab, a stolen one) stops working on its next request.
/// </summary>
public class SignOutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Index", new { area = "" });
    }
}
