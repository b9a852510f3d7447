using FluentValidation;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.Pages.Routines;

/// <summary>
/// The routine player. The server renders the whole routine as an ordered list (the player
/// without JavaScript) and the session log form; wwwroot/js/player.js turns the list into
/// a timed, one-exercise-at-a-time player.
/// </summary>
[EnableRateLimiting(RateLimits.SessionLog)]
public class PlayModel(RoutineLibrary library, AssessmentService assessments, KneeResetDbContext db, SessionLog log, TimeProvider clock) : PageModel
{
    public static readonly (string Value, string Label)[] Feelings = [("easy", "Easy"), ("about_right", "About right"), ("too_hard", "Too hard")];

    public RoutineView View { get; private set; } = null!;
    public IReadOnlyDictionary<string, Exercise> Variations { get; private set; } = new Dictionary<string, Exercise>();

    /// <summary>The runner's private token when played from /m/{manage}/play/{slug}: the session joins that result.</summary>
    [FromRoute]
    public string? Manage { get; set; }

    /// <summary>Checked by <see cref="LogValidator"/> as it is bound (FluentValidation's automatic validation: Infrastructure/PageValidation).</summary>
    [BindProperty]
    public LogInput Input { get; set; } = new();

    public sealed class LogInput
    {
        /// <summary>The day the session was done; empty means today.</summary>
        public DateOnly? On { get; set; }
        public int? PainDuring { get; set; }
        public int? PainNextMorning { get; set; }
        public int? PainUsual { get; set; }
        public string? Feeling { get; set; }
        public string? Note { get; set; }
        /// <summary>Set fresh each time the page is served (and by player-outbox.js): a second post of the same form is the same session.</summary>
        public string? ClientKey { get; set; }
    }

    public sealed class LogValidator : AbstractValidator<LogInput>
    {
        public LogValidator(ContentCatalog content, TimeProvider clock)
        {
            // Today anywhere on Earth counts as today: a runner far east may be a day ahead of UTC.
            RuleFor(x => x.On).Must(on => on is not { } day || content.Pain.DateProblem(day, Progressions.LatestToday(clock)) is null)
                .WithMessage(x => content.Pain.DateProblem(x.On!.Value, Progressions.LatestToday(clock))!);
            RuleFor(x => x.PainDuring).NotNull().WithMessage("Choose how much it hurt during the session, 0 to 10.")
                .InclusiveBetween(0, 10).WithMessage("Pain is a number from 0 to 10.");
            RuleFor(x => x.PainNextMorning).InclusiveBetween(0, 10).WithMessage("Pain is a number from 0 to 10.");
            RuleFor(x => x.PainUsual).NotNull().WithMessage("Choose how much the knee usually hurts on an ordinary day, 0 to 10.")
                .InclusiveBetween(0, 10).WithMessage("Pain is a number from 0 to 10.");
            RuleFor(x => x.Feeling).NotEmpty().WithMessage("Choose how the session felt.")
                .Must(f => f is null || Feelings.Any(x => x.Value == f)).WithMessage("Choose easy, about right or too hard.");
            RuleFor(x => x.Note).MaximumLength(500).WithMessage("Keep the note under 500 characters.");
            RuleFor(x => x.ClientKey).Must(k => k is null || SessionLog.IsKey(k))
                .WithMessage("This form is out of date: reload the page and save the session again.");
        }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        var result = await ResultIdAsync(cancellationToken);
        if (result is 0)
        {
            return NotFound();
        }
        Input.ClientKey = UnguessableToken.New();
        if (result is { } assessment)
        {
            // The usual pain rarely changes: start from what the runner said last time.
            Input.PainUsual = await db.RoutineSessions.Where(s => s.AssessmentId == assessment && s.PainUsual != null)
                .OrderByDescending(s => s.Id).Select(s => s.PainUsual).FirstOrDefaultAsync(cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var assessment = await ResultIdAsync(cancellationToken);
        if (assessment is 0)
        {
            return NotFound();
        }
        var session = new RoutineSession
        {
            Token = UnguessableToken.New(),
            RoutineId = View.Routine.Id,
            AssessmentId = assessment,
            CompletedAt = clock.GetUtcNow(),
            DoneOn = Input.On ?? Progressions.Today(clock),
            PainDuring = Input.PainDuring!.Value,
            PainNextMorning = Input.PainNextMorning,
            PainUsual = Input.PainUsual,
            Feeling = Input.Feeling!,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
            ClientKey = Input.ClientKey,
        };
        // A second post of the same form (a double submit, an offline replay) leads to the session stored the first time.
        var (stored, _, _) = await log.StoreOnceAsync(session, cancellationToken);
        // With the private token the session page answers at /m/{manage}/sessions/{token} (a second route, added in Infrastructure/PagesSetup).
        return RedirectToPage("/Sessions/Show", new { manage = Manage, token = stored.Token });
    }

    /// <summary>Null when played from the public library; 0 when the private link is unknown.</summary>
    private async Task<int?> ResultIdAsync(CancellationToken cancellationToken) =>
        Manage is null ? null : await assessments.FindIdByManageTokenAsync(Manage, cancellationToken) ?? 0;

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(slug, cancellationToken) is not { } view)
        {
            return false;
        }
        View = view;
        Variations = await library.VariationsAsync(view, cancellationToken);
        return true;
    }

    public Exercise? Variation(string? slug) => slug is not null && Variations.TryGetValue(slug, out var e) ? e : null;
}
