using FluentValidation;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Areas.Staff.Pages;

[EnableRateLimiting(RateLimits.SignIn)]
public class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInThrottle throttle, DecoyPassword decoy, AuditLog audit, KneeResetDbContext db) : PageModel
{
    /// <summary>Checked by <see cref="SignInValidator"/> before the handler runs (FluentValidation automatic validation).</summary>
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class SignInInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public sealed class SignInValidator : AbstractValidator<SignInInput>
    {
        public SignInValidator()
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
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (throttle.WaitFor(Input.Email!) is { } wait)
        {
            ModelState.AddModelError(string.Empty, $"Too many wrong passwords for this email: wait {Math.Ceiling(wait.TotalSeconds)} seconds, then try again.");
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email!);
        // No lockout on failure: a wrong password slows the account down (SignInThrottle), never locks its owner out.
        // Without a password of the account's own to check, the decoy costs the same work.
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (user is null || user.Disabled || user.PasswordHash is null)
        {
            decoy.Check(Input.Password!);
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: false);
        }
        if (result.Succeeded)
        {
            throttle.Succeeded(Input.Email!);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Staff");
        }
        if (throttle.Failed(Input.Email!) && user is not null)
        {
            // Not silent: admins see in the audit log that someone is guessing at this account.
            audit.Record("sign-in", "staff.sign_in_throttled", user.Email!, "too many wrong passwords; one attempt allowed every few seconds");
            await db.SaveChangesAsync();
        }
        // One message for unknown, disabled and wrong: it must not reveal which accounts exist.
        ModelState.AddModelError(string.Empty, "That email and password don't match an active staff account.");
        return Page();
    }
}
