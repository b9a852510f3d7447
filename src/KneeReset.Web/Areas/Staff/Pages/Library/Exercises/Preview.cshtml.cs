using KneeReset.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Exercises;

/// <summary>The exercise exactly as a runner will see it, whatever its status.</summary>
public class PreviewModel(KneeResetDbContext db) : PageModel
{
    public Exercise Exercise { get; private set; } = null!;
    public Exercise? Easier { get; private set; }
    public Exercise? Harder { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } exercise)
        {
            return NotFound();
        }
        Exercise = exercise;
        Easier = await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == exercise.EasierSlug, cancellationToken);
        Harder = await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == exercise.HarderSlug, cancellationToken);
        return Page();
    }
}
