using KneeReset.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages;

/// <summary>The one-time link an admin hands over: the new staff member sets a password.</summary>
public class InviteModel(UserManager<StaffUser> users, AuditLog audit, KneeResetDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (string.IsNullOrEmpty(Password) || Password != Confirm)
        {
            ModelState.AddModelError(nameof(Password), "Enter the same new password twice.");
            return Page();
        }
        var result = user is null || user.Disabled || Token is null
            ? IdentityResult.Failed(new IdentityError { Description = "This link is not valid any more. Ask an admin for a new one." })
            : await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Code == "InvalidToken" ? "This link is not valid any more. Ask an admin for a new one." : error.Description);
            }
            return Page();
        }
        audit.Record(user!.Email!, "staff.password_set", user.Email!);
        await db.SaveChangesAsync();
        return RedirectToPage("SignIn");
    }
}
