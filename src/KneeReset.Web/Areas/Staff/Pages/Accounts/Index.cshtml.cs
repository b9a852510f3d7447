using FluentValidation;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using KneeReset.Web.Email;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Areas.Staff.Pages.Accounts;

/// <summary>
/// Admins invite staff (a one-time set-password link, emailed to them and shown to the admin in case
/// the mail doesn't arrive), change roles and disable accounts.
/// </summary>
public class IndexModel(UserManager<StaffUser> users, StaffAccounts accounts, PublicLinks links, Mailer mailer, IOptions<StaffOptions> staff) : PageModel
{
    public sealed record Row(StaffUser User, string Role);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? InviteLink { get; private set; }

    /// <summary>Who the link was for, and whether the email with it went out.</summary>
    public string? InviteEmail { get; private set; }
    public bool InviteEmailed { get; private set; }

    /// <summary>
    /// The invite form; bound only by <see cref="OnPostInviteAsync"/> (not by the role and disable
    /// forms), and checked there before the handler runs by <see cref="InviteValidator"/>
    /// (FluentValidation automatic validation).
    /// </summary>
    public InviteInput Invite { get; set; } = new();

    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; } = StaffRoles.Editor;
    }

    public sealed class InviteValidator : AbstractValidator<InviteInput>
    {
        public InviteValidator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the new staff member's email address.")
                .EmailAddress().WithMessage("That doesn't look like an email address.");
            RuleFor(x => x.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage("Choose Admin, Editor or Clinician.");
            RuleFor(x => x.Name).MaximumLength(100).WithMessage("Keep the name under 100 characters.");
        }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync([FromForm(Name = nameof(Invite))] InviteInput invite, CancellationToken cancellationToken)
    {
        Invite = invite;
        if (ModelState.IsValid)
        {
            var (user, errors) = await accounts.CreateAsync(Invite.Email!, Invite.Name, Invite.Role!, Actor);
            foreach (var error in errors)
            {
                ModelState.AddModelError("Invite.Email", error);
            }
            if (user is not null)
            {
                await SendLinkAsync(user, cancellationToken);
                // An empty form for the next invite (asp-for would otherwise show what was posted).
                ModelState.Clear();
                Invite = new InviteInput();
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        if (await users.FindByIdAsync(id) is not { } user || !StaffRoles.All.Contains(role))
        {
            return NotFound();
        }
        if (user.UserName == User.Identity?.Name && role != StaffRoles.Admin)
        {
            // Otherwise the last admin could lock everyone out of account management.
            ModelState.AddModelError(string.Empty, "You can't take away your own Admin role; ask another admin.");
            await LoadAsync();
            return Page();
        }
        await accounts.SetRoleAsync(user, role, Actor);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disabled)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (user.UserName == User.Identity?.Name)
        {
            ModelState.AddModelError(string.Empty, "You can't disable your own account.");
            await LoadAsync();
            return Page();
        }
        await accounts.SetDisabledAsync(user, disabled, Actor);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLinkAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        await SendLinkAsync(user, cancellationToken);
        await LoadAsync();
        return Page();
    }

    /// <summary>Makes a new set-password link (ending any earlier one) and emails it to the account's address.</summary>
    private async Task SendLinkAsync(StaffUser user, CancellationToken cancellationToken)
    {
        InviteLink = links.To(await accounts.InvitePathAsync(user, Actor));
        InviteEmail = user.Email;
        InviteEmailed = await mailer.SendInviteAsync(user.Email!, user.DisplayName, InviteLink, staff.Value.SetPasswordLinkHours, cancellationToken);
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task LoadAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var rows = new List<Row>();
        foreach (var user in all)
        {
            rows.Add(new Row(user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? "-"));
        }
        Rows = rows;
    }
}
