using KneeReset.Web.Data;
using KneeReset.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Routines;

/// <summary>Every saved version: compare two, restore one (as a new version).</summary>
public class HistoryModel(LibraryEditor editor, KneeResetDbContext db) : PageModel
{
    public Routine Routine { get; private set; } = null!;
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
        var a = Revisions.FirstOrDefault(r => r.Id == A);
        var b = Revisions.FirstOrDefault(r => r.Id == B);
        if (a is not null && b is not null)
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
        return Redirect($"/Staff/Library/Routines/Edit/{id}?saved={result.Version}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Routines.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } routine)
        {
            return false;
        }
        Routine = routine;
        Revisions = await editor.HistoryAsync(LibraryEditor.RoutineType, id, cancellationToken);
        return true;
    }
}
