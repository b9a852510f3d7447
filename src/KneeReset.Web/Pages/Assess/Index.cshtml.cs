using KneeReset.Web.Assessments;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Pages.Assess;

/// <summary>The start of the questionnaire; each start makes a draft, so starts are rate limited per client.</summary>
[EnableRateLimiting(RateLimits.NewDraft)]
public class IndexModel(WizardService wizard) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await wizard.StartAsync(cancellationToken);
        return RedirectToPage("Step", new { draft = draft.Id, step = wizard.Questions.Steps[0].Id });
    }
}
