using KneeReset.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Routines;

public class IndexModel(KneeResetDbContext db) : PageModel
{
    public IReadOnlyList<Routine> Routines { get; private set; } = [];

    public async Task OnGetAsync() =>
        Routines = await db.Routines.AsNoTracking().OrderBy(r => r.Title).ToListAsync();
}
