using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Pages.Routines;

[OutputCache(PolicyName = LibraryCache.Policy)]
public class ShowModel(RoutineLibrary library) : PageModel
{
    public RoutineView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(slug, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    /// <summary>"3 x 10 per side, 3-4 s lowering, rest 30 s".</summary>
    public static string Dosage(Data.RoutineStep step)
    {
        var amount = step.Reps is { } reps ? $"{reps}" : $"{step.HoldSeconds} s hold";
        var parts = new List<string> { $"{step.Sets} x {amount}{(step.PerSide ? " per side" : "")}" };
        if (step.Tempo is not null)
        {
            parts.Add(step.Tempo);
        }
        if (step.RestSeconds > 0)
        {
            parts.Add($"rest {step.RestSeconds} s");
        }
        return string.Join(", ", parts);
    }
}
