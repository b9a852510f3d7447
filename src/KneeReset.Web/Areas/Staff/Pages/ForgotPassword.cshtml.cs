using FluentValidation;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Email;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Areas.Staff.Pages;

/// <summary>
/// "Forgot password?": asks for the email and always answers the same, whether or not an account
/// has it. The request only queues the work (looking the account up, making and sending the link),
/// so the answer also takes the same time either way. Shares the sign-in rate limit.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public class ForgotPasswordModel(MailInBackground background) : PageModel
{
    public const string Answer = "If an account exists for that address, we've sent a link to set a new password. It works once, for a short while; look in your spam folder if it doesn't arrive.";

    /// <summary>Checked by <see cref="ForgotValidator"/> as it is bound (FluentValidation's automatic validation).</summary>
    [BindProperty] public ForgotInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public sealed class ForgotInput
    {
        public string? Email { get; set; }
    }

    public sealed class ForgotValidator : AbstractValidator<ForgotInput>
    {
        public ForgotValidator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the email address of your staff account.")
                .MaximumLength(256).WithMessage("That email address is too long.")
                .EmailAddress().WithMessage("That doesn't look like an email address.");
        }
    }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email!.Trim();
        background.Queue("password-reset", (services, cancellationToken) => services.GetRequiredService<ForgottenPasswords>().SendLinkAsync(email, cancellationToken));
        return RedirectToPage(new { sent = true });
    }
}
