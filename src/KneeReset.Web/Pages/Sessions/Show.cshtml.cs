using KneeReset.Core.Recovery;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Pages.Sessions;

/// <summary>
/// A saved routine session with what the pain model makes of it over the runner's sessions. At
/// /sessions/{token} it names no result; at /m/{manage}/sessions/{token} (the runner's private
/// link) it links back to the runner's private page and player.
/// </summary>
public class ShowModel(KneeResetDbContext db, Progressions progressions, SessionLog log) : PageModel
{
    /// <summary>The runner's private token, when the page is opened under /m/.</summary>
    [FromRoute]
    public string? Manage { get; set; }

    public RoutineSession Session { get; private set; } = null!;
    public Advice Advice { get; private set; } = null!;
    public Escalation? Escalation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) is null ? NotFound() : Page();

    /// <summary>The next morning, the runner adds how the knee feels: the advice follows.</summary>
    public async Task<IActionResult> OnPostMorningAsync(string token, int? painNextMorning, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(token, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }
        if (painNextMorning is not (>= 0 and <= 10))
        {
            ModelState.AddModelError("painNextMorning", "Choose how much it hurts this morning, 0 to 10.");
            return Page();
        }
        var entity = await db.RoutineSessions.FirstAsync(s => s.Id == session.Id, cancellationToken);
        await log.AddMorningAsync(entity, session.Assessment, painNextMorning.Value, cancellationToken);
        return RedirectToPage();
    }

    private async Task<RoutineSession?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var session = UnguessableToken.LooksValid(token)
            ? await db.RoutineSessions.AsNoTracking().Include(s => s.Routine).Include(s => s.Assessment)
                .FirstOrDefaultAsync(s => s.Token == token, cancellationToken)
            : null;
        if (session is not null && Manage is not null && session.Assessment?.ManageToken != Manage)
        {
            return null;
        }
        if (session is not null)
        {
            Session = session;
            // The advice reads every session of the runner's series; a session from the public player stands alone.
            var recovery = session.Assessment is { } assessment
                ? await progressions.ForSeriesAsync(assessment, cancellationToken)
                : progressions.Recovery([session], null);
            Escalation = recovery.Escalation;
            Advice = recovery.Routines.First(r => r.Routine == session.Routine.Slug).Advice;
        }
        return session;
    }
}
