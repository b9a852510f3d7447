using KneeReset.Web.Assessment;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Pages.Assess;

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
