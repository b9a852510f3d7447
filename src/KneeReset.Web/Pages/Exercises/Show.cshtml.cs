using KneeReset.Web.Caching;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Pages.Exercises;

[OutputCache(PolicyName = CachePolicies.Library)]
public class ShowModel(KneeResetDbContext db, RoutineLibrary library) : PageModel
{
    public Exercise Exercise { get; private set; } = null!;
    public Exercise? Easier { get; private set; }
    public Exercise? Harder { get; private set; }
    /// <summary>The published routines this exercise is a step of: the way back from an exercise to its routine.</summary>
    public IReadOnlyList<Routine> InRoutines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var exercises = await db.Exercises.AsNoTracking().Where(e => e.Status == PublishStatus.Published).ToListAsync(cancellationToken);
        if (exercises.FirstOrDefault(e => e.Slug == slug) is not { } exercise)
        {
            return NotFound();
        }
        Exercise = exercise;
        Easier = exercises.FirstOrDefault(e => e.Slug == exercise.EasierSlug);
        Harder = exercises.FirstOrDefault(e => e.Slug == exercise.HarderSlug);
        InRoutines = [.. (await library.PublishedAsync(cancellationToken)).Select(v => v.Routine).Where(r => r.Steps.Any(s => s.Exercise.Slug == slug))];
        return Page();
    }
}
