using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages.Runners;

/// <summary>
/// "My runners" (/Staff/Runners), for clinicians only: the shared results they follow whose link
/// still opens, newest activity first; removing one; and the opt-in to an email when one of them
/// should see a clinician.
/// </summary>
public class IndexModel(RunnerFollows follows, UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    public IReadOnlyList<RunnerRow> Rows { get; private set; } = [];

    /// <summary>The clinician's email opt-in; null when the account isn't in the store (it can't take email).</summary>
    public bool? EmailOnEscalation { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await follows.ListAsync(Clinician, cancellationToken);
        EmailOnEscalation = (await users.FindByNameAsync(Clinician))?.EmailOnEscalation;
    }

    public async Task<IActionResult> OnPostRemoveAsync(int followId, CancellationToken cancellationToken)
    {
        // Recorded first: removing the follow saves it with its audit entry in one go (and drops it if there is none).
        audit.Record(Clinician, "runners.removed", $"follow {followId}");
        if (!await follows.UnfollowAsync(Clinician, followId, cancellationToken))
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync(bool emailOnEscalation)
    {
        if (await users.FindByNameAsync(Clinician) is not { } user)
        {
            return NotFound();
        }
        user.EmailOnEscalation = emailOnEscalation;
        audit.Record(Clinician, emailOnEscalation ? "runners.email_on" : "runners.email_off", Clinician);
        // UpdateAsync saves the audit entry with the account: one save on the shared context (a second
        // save would write the entry alone after an update the store refused).
        await users.UpdateAsync(user);
        return RedirectToPage(null, null, null, "email-title");
    }

    private string Clinician => User.Identity!.Name!;
}
