using KneeReset.Web.Areas.Staff.Library;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Routines;

/// <summary>The routine exactly as a runner will see it, whatever its status.</summary>
public class PreviewModel(LibraryEditor editor) : PageModel
{
    public RoutineView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadRoutineAsync(id, cancellationToken) is not { } routine)
        {
            return NotFound();
        }
        View = RoutineLibrary.View(routine);
        return Page();
    }
}
