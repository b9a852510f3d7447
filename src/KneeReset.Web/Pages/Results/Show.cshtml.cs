using FluentValidation;
using KneeReset.Web.Areas.Staff;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Assessments;
using KneeReset.Web.Caching;
using KneeReset.Web.Content;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KneeReset.Web.Pages.Results;

/// <summary>
/// The shared result at /r/{token}. Anyone with the link sees the result (after the passcode,
/// if the runner set one); a signed-in clinician also sees every answer and the reasoning, and
/// can write a plan that the runner then sees.
/// </summary>
[OutputCache(PolicyName = CachePolicies.ResultPage)]
public class ShowModel(AssessmentService assessments, ClinicianPlans plans, ResultViews views, SharePasscodes passcodes, RoutineLibrary library, ContentCatalog content, AuditLog audit, Data.KneeResetDbContext db, RunnerFollows follows, TimeProvider clock) : PageModel
{
    public LoadedAssessment Record { get; private set; } = null!;
    public ResultView View { get; private set; } = null!;
    public bool NeedsPasscode { get; private set; }
    public bool IsClinician => User.IsInRole(StaffRoles.Clinician);
    public IReadOnlyList<RoutineView> Library { get; private set; } = [];
    public ContentCatalog Catalog => content;
    /// <summary>The signed-in clinician has this link in My runners.</summary>
    public bool Following { get; private set; }

    /// <summary>Why "Add to My runners" did not add it (shown beside the button); empty when it did or was not asked.</summary>
    public IReadOnlyList<ErrorSummary.Item> FollowProblems { get; private set; } = [];

    /// <summary>The clinician's plan form; bound (and validated) only by <see cref="OnPostPlanAsync"/>, not by the passcode form.</summary>
    public PlanInput Plan { get; set; } = new();

    public sealed class PlanInput
    {
        public string? Note { get; set; }
        public string? Avoid { get; set; }
        public DateOnly? ReviewDate { get; set; }
        public List<string> Routines { get; set; } = [];
        public Dictionary<string, string?> Dosage { get; set; } = [];
        public Dictionary<string, string?> ItemNote { get; set; } = [];
    }

    public sealed class PlanValidator : AbstractValidator<PlanInput>
    {
        public PlanValidator(TimeProvider clock)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            RuleFor(x => x.Note).MaximumLength(4000).WithMessage("Keep the note under 4000 characters.");
            RuleFor(x => x.Avoid).MaximumLength(2000).WithMessage("Keep \"avoid\" under 2000 characters.");
            RuleFor(x => x.ReviewDate).GreaterThanOrEqualTo(today).When(x => x.ReviewDate is not null).WithMessage("The review date can't be in the past.");
            RuleFor(x => x).Must(x => x.Routines.Count > 0 || !string.IsNullOrWhiteSpace(x.Note))
                .WithMessage("Choose at least one routine or write a note.").OverridePropertyName("Routines");
            RuleForEach(x => x.Dosage.Values).MaximumLength(120).WithMessage("Keep each dosage under 120 characters.").OverridePropertyName("Dosage");
        }
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }
        if (IsClinician && !NeedsPasscode)
        {
            audit.Record(User.Identity!.Name!, "clinician.viewed", $"assessment {Record.Stored.Id}");
            await db.SaveChangesAsync(cancellationToken);
            Following = await follows.IsFollowingAsync(User.Identity.Name!, Record.Stored, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPasscodeAsync(string token, string? passcode, CancellationToken cancellationToken)
    {
        var record = await assessments.FindAsync(token, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }
        var check = await passcodes.CheckAsync(record.Stored, passcode, cancellationToken);
        if (check.Right)
        {
            passcodes.GrantAccess(HttpContext, record.Stored);
            return RedirectToPage(new { token });
        }
        await LoadAsync(token, cancellationToken);
        ModelState.AddModelError("passcode", check.Locked ? LockedMessage(check.Until!.Value) : "That passcode isn't right.");
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(string token, [FromForm(Name = nameof(Plan))] PlanInput plan, CancellationToken cancellationToken)
    {
        // The plan is checked by PlanValidator as it is bound (FluentValidation's automatic validation).
        Plan = plan;
        if (!IsClinician)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        if (!await LoadAsync(token, cancellationToken) || NeedsPasscode)
        {
            return NotFound();
        }
        var known = Library.ToDictionary(r => r.Routine.Slug);
        if (Plan.Routines.Any(r => !known.ContainsKey(r)))
        {
            ModelState.AddModelError("Plan.Routines", "One of the chosen routines no longer exists.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var items = Plan.Routines.Distinct().Select(slug => new PlanItem(slug, known[slug].Routine.Title,
            Clean(Plan.Dosage.GetValueOrDefault(slug)), Clean(Plan.ItemNote.GetValueOrDefault(slug)))).ToList();
        await plans.SaveAsync(Record.Stored.Id, User.Identity!.Name!, Clean(Plan.Note), Clean(Plan.Avoid), Plan.ReviewDate, items, cancellationToken);
        return RedirectToPage(null, null, new { token }, "plan-title");
    }

    /// <summary>"Add to My runners": a clinician follows the result behind this open link (past its passcode, if it has one).</summary>
    public async Task<IActionResult> OnPostFollowAsync(string token, CancellationToken cancellationToken)
    {
        if (!IsClinician)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        if (!await LoadAsync(token, cancellationToken) || NeedsPasscode)
        {
            return NotFound();
        }
        var clinician = User.Identity!.Name!;
        if (!await follows.IsFollowingAsync(clinician, Record.Stored, cancellationToken))
        {
            // Recorded first: the follow's own save then writes it and its audit entry together.
            audit.Record(clinician, "runners.followed", $"assessment {Record.Stored.Id}");
            if (!await follows.FollowAsync(clinician, Record.Stored, cancellationToken))
            {
                FollowProblems = [new("Not added to My runners: it could not be saved just now. Try again in a moment.")];
                return Page();
            }
        }
        return RedirectToPage(null, null, new { token }, "clinical-title");
    }

    /// <summary>
    /// The lock in minutes from now, which reads the same in every time zone (this answer to a post is
    /// never cached, so "now" is the reader's now); whole minutes, rounded up, so it is never too soon.
    /// </summary>
    private string LockedMessage(DateTimeOffset until)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
        return $"Too many wrong passcodes for this result, so it is taking no more for now. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}, or ask the runner for a new link.";
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var record = await assessments.FindAsync(token, cancellationToken);
        if (record is null)
        {
            return false;
        }
        Record = record;
        NeedsPasscode = record.HasPasscode && !passcodes.HasAccess(HttpContext, record.Stored);
        if (!NeedsPasscode)
        {
            View = await views.ForAsync(record, forRunner: false, cancellationToken);
            if (IsClinician)
            {
                Library = await library.PublishedAsync(cancellationToken);
                if (Request.Method == HttpMethods.Get && View.Plan is { } plan)
                {
                    Plan = new PlanInput
                    {
                        Note = plan.Plan.Note,
                        Avoid = plan.Plan.Avoid,
                        ReviewDate = plan.Plan.ReviewDate,
                        Routines = plan.Items.Select(i => i.Routine).ToList(),
                        Dosage = plan.Items.ToDictionary(i => i.Routine, i => i.Dosage),
                        ItemNote = plan.Items.ToDictionary(i => i.Routine, i => i.Note),
                    };
                }
            }
        }
        return true;
    }
}
