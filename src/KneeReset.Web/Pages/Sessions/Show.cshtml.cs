using KneeReset.Core.Routines;
using KneeReset.Web.Assessment;
using KneeReset.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Pages.Sessions;

/// <summary>A saved routine session with what the pain-monitoring model makes of it.</summary>
public class ShowModel(KneeResetDbContext db) : PageModel
{
    public RoutineSession Session { get; private set; } = null!;
    public PainAdvice Advice { get; private set; }
    public string Reason { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var session = ShareToken.LooksValid(token)
            ? await db.RoutineSessions.AsNoTracking().Include(s => s.Routine).Include(s => s.Assessment)
                .FirstOrDefaultAsync(s => s.Token == token, cancellationToken)
            : null;
        if (session is null)
        {
            return NotFound();
        }
        Session = session;
        (Advice, Reason) = PainMonitor.Advise(session.PainDuring, session.PainNextMorning);
        return Page();
    }
}
