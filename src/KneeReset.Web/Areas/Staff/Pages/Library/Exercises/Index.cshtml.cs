using KneeReset.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Areas.Staff.Pages.Library.Exercises;

public class IndexModel(KneeResetDbContext db) : PageModel
{
    public IReadOnlyList<Exercise> Exercises { get; private set; } = [];

    public async Task OnGetAsync() =>
        Exercises = await db.Exercises.AsNoTracking().OrderBy(e => e.Name).ToListAsync();
}
