using KneeReset.Web.Data;
using KneeReset.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Exercises;

public class HistoryModel(LibraryEditor editor, KneeResetDbContext db) : PageModel
{
    public Exercise Exercise { get; private set; } = null!;
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public IReadOnlyList<FieldChange>? Changes { get; private set; }

    [BindProperty(SupportsGet = true)] public int? A { get; set; }
    [BindProperty(SupportsGet = true)] public int? B { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Revisions.FirstOrDefault(r => r.Id == A) is { } a && Revisions.FirstOrDefault(r => r.Id == B) is { } b)
        {
            Changes = LibraryEditor.Compare(a.Snapshot, b.Snapshot);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Revisions.All(r => r.Id != revision))
        {
            return NotFound();
        }
        var result = await editor.RestoreAsync(revision, User.Identity!.Name!, cancellationToken);
        if (!result.Saved)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.ErrorMessage);
            }
            return Page();
        }
        return Redirect($"/Staff/Library/Exercises/Edit/{id}?saved={result.Version}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } exercise)
        {
            return false;
        }
        Exercise = exercise;
        Revisions = await editor.HistoryAsync(LibraryEditor.ExerciseType, id, cancellationToken);
        return true;
    }
}
