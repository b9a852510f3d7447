using KneeReset.Web.Areas.Staff.StaffIdentity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages;

/// <summary>The page a "forgot password" email links to: sets a new password once, while the link is fresh.</summary>
public class ResetPasswordModel(ForgottenPasswords forgotten) : PageModel
{
    public const string DeadLink = "This link is not valid any more: each link works once, for a limited time. Ask for a new one.";

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>The invite page's form and checks (<see cref="InviteModel.SetPasswordValidator"/>); Identity's password rules come after.</summary>
    [BindProperty] public InviteModel.SetPasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await forgotten.ResetAsync(UserId, Token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Code == "InvalidToken" ? DeadLink : error.Description);
            }
            return Page();
        }
        return RedirectToPage("SignIn");
    }
}
