using FluentValidation;
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

    /// <summary>Checked by <see cref="SetPasswordValidator"/> before the handler runs (FluentValidation automatic validation); Identity's password rules come after.</summary>
    [BindProperty] public SetPasswordInput Input { get; set; } = new();

    public sealed class SetPasswordInput
    {
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    public sealed class SetPasswordValidator : AbstractValidator<SetPasswordInput>
    {
        public SetPasswordValidator()
        {
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter the same new password twice.");
            RuleFor(x => x.Confirm).Equal(x => x.Password).When(x => !string.IsNullOrEmpty(x.Password))
                .WithMessage("Enter the same new password twice.").OverridePropertyName(nameof(SetPasswordInput.Password));
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        var result = user is null || user.Disabled || Token is null
            ? IdentityResult.Failed(new IdentityError { Description = "This link is not valid any more. Ask an admin for a new one." })
            : await users.ResetPasswordAsync(user, Token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Code == "InvalidToken" ? "This link is not valid any more. Ask an admin for a new one." : error.Description);
            }
            return Page();
        }
        audit.Record(user!.Email!, "staff.password_set", user.Email!);
        await db.SaveChangesAsync();
        return RedirectToPage("SignIn");
    }
}
