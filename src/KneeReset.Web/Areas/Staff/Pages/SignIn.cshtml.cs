using FluentValidation;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Areas.Staff.Pages;

[EnableRateLimiting(RateLimits.SignIn)]
public class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.");
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = new InputValidator().Validate(Input);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError($"Input.{error.PropertyName}", error.ErrorMessage);
        }
        if (!validation.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email!);
        var result = user is null || user.Disabled
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Staff");
        }
        // One message for unknown, disabled and wrong: it must not reveal which accounts exist.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "That email and password don't match an active staff account.");
        return Page();
    }
}
