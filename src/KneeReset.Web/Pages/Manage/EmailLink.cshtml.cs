using FluentValidation;
using KneeReset.Web.Data;
using KneeReset.Web.Email;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Pages.Manage;

/// <summary>
/// "Email me my private link": sends /m/{token} to the address typed in. The address is used for
/// that one message and stored nowhere (not in the database, not in the log). A page of its own so
/// it has its own rate limit; the private page shows the same form and posts here.
/// </summary>
[EnableRateLimiting(RateLimits.Email)]
public class EmailLinkModel(KneeResetDbContext db, Mailer mailer, PublicLinks links) : PageModel
{
    public const string Sent = "We've emailed you the link to this private page. We didn't keep your address.";

    public string Token { get; private set; } = "";

    /// <summary>Checked by <see cref="EmailValidator"/> as it is bound (FluentValidation's automatic validation).</summary>
    [BindProperty] public EmailInput Input { get; set; } = new();

    public sealed class EmailInput
    {
        public string? Email { get; set; }
    }

    public sealed class EmailValidator : AbstractValidator<EmailInput>
    {
        public EmailValidator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the email address to send your private link to.")
                .MaximumLength(254).WithMessage("That email address is too long.")
                .EmailAddress().WithMessage("That doesn't look like an email address, e.g. name@example.com.");
        }
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await ExistsAsync(token, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(token, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await mailer.SendPrivateLinkAsync(Input.Email!.Trim(), links.To($"/m/{token}"), cancellationToken))
        {
            ModelState.AddModelError("Input.Email", "We couldn't send the email just now. Try again later, and bookmark this page meanwhile.");
            return Page();
        }
        // The private page shows it once (its Message), and the address goes nowhere.
        TempData[nameof(ShowModel.Message)] = Sent;
        return RedirectToPage("/Manage/Show", new { token });
    }

    private async Task<bool> ExistsAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        return UnguessableToken.LooksValid(token) && await db.Assessments.AnyAsync(a => a.ManageToken == token, cancellationToken);
    }
}
