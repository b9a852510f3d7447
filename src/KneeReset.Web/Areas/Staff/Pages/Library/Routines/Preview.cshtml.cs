using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Data;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Routines;

/// <summary>The routine exactly as a runner will see it, whatever its status; a draft waiting over the published routine is what is previewed.</summary>
public class PreviewModel(LibraryEditor editor, KneeResetDbContext db) : PageModel
{
    public RoutineView View { get; private set; } = null!;
    public bool DraftOverPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadRoutineAsync(id, cancellationToken) is not { } routine)
        {
            return NotFound();
        }
        if (routine.DraftJson is { } draft)
        {
            var file = LibraryFiles.Read<RoutineFile>(draft);
            var slugs = file.Steps.Select(s => s.Exercise).ToList();
            var exercises = await db.Exercises.AsNoTracking().Where(e => slugs.Contains(e.Slug)).ToDictionaryAsync(e => e.Slug, cancellationToken);
            var preview = LibraryFiles.NewRoutine(file with { Steps = file.Steps.Where(s => exercises.ContainsKey(s.Exercise)).ToList() }, exercises);
            (preview.Id, preview.Version) = (routine.Id, routine.Version);
            (View, DraftOverPublished) = (RoutineLibrary.View(preview), true);
            return Page();
        }
        View = RoutineLibrary.View(routine);
        return Page();
    }
}
