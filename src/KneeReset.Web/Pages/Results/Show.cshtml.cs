using KneeReset.Core.Assessment;
using KneeReset.Web.Assessment;
using KneeReset.Web.Content;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Pages.Results;

/// <summary>The result at /r/{token}: triage first, then ranked causes with their evidence, then routines.</summary>
[EnableRateLimiting(RateLimits.TokenLookup)]
public class ShowModel(AssessmentService assessments, ContentCatalog content) : PageModel
{
    public AssessmentRecord Record { get; private set; } = null!;
    public AssessmentResult Result => Record.Outcome.Result;
    public CauseGuide Guide => content.Causes;

    /// <summary>Causes worth showing: those the answers point to at least "possible".</summary>
    public IEnumerable<CauseScore> RankedCauses => Result.Causes.Where(c => c.Band != Band.Unlikely);

    public IEnumerable<CauseScore> OtherCauses => Result.Causes.Where(c => c.Band == Band.Unlikely);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var record = await assessments.FindAsync(token, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }
        Record = record;
        return Page();
    }

    public string CauseName(string id) => content.CauseName(id);

    public static string BandText(Band band) => band switch
    {
        Band.Likely => "Likely",
        Band.Possible => "Possible",
        _ => "Unlikely",
    };
}
