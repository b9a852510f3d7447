using KneeReset.Web.Assessments;
using KneeReset.Web.Caching;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Pages.Routines;

/// <summary>
/// A routine's page. Also at /m/{manage}/routines/{slug}, where the runner's private page links
/// to it, so "Start the player" keeps logging sessions against their result (never cached there).
/// </summary>
[OutputCache(PolicyName = CachePolicies.Library)]
public class ShowModel(RoutineLibrary library, AssessmentService assessments) : PageModel
{
    public RoutineView View { get; private set; } = null!;

    /// <summary>The runner's private token when opened from their private page.</summary>
    [FromRoute]
    public string? Manage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(slug, cancellationToken) is not { } view
            || (Manage is not null && await assessments.FindIdByManageTokenAsync(Manage, cancellationToken) is null))
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
