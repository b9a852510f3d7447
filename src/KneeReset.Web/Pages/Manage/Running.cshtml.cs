using FluentValidation;
using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Pages.Manage;

/// <summary>The "Back to running" section as the private page and this page draw it.</summary>
/// <param name="ClientKey">Made fresh each time the form is served: a second post of the same form stores the run once.</param>
public sealed record RunningSection(LadderState State, string ManageToken, DateOnly Today, string ClientKey)
{
    /// <summary>The ladder of the result behind a private token, with a fresh client key for the next form; nulls for an unknown token.</summary>
    public static async Task<(StoredAssessment? Stored, RunningSection? Section)> LoadAsync(
        AssessmentService assessments, Ladders ladders, TimeProvider clock, string token, CancellationToken cancellationToken)
    {
        if (await assessments.FindByManageTokenAsync(token, cancellationToken) is not { } record)
        {
            return (null, null);
        }
        var state = await ladders.ForSeriesAsync(record.Stored, null, cancellationToken);
        return (record.Stored, new RunningSection(state, token, Progressions.Today(clock), UnguessableToken.New()));
    }
}

/// <summary>
/// The running ladder's forms on the runner's private link (/m/{token}/running): a run, its next
/// morning, a self-test. Each saves and goes back to the private page with a confirmation; bad input
/// comes back here with the section and a validation summary. GET shows the section and stores nothing.
/// </summary>
/// <remarks>Each post stores a row: they count toward the session-log limit, as the private player's and the API's do.</remarks>
[EnableRateLimiting(RateLimits.SessionLog)]
public class RunningModel(AssessmentService assessments, Ladders ladders, TimeProvider clock) : PageModel
{
    public RunningSection Section { get; private set; } = null!;

    public sealed class RunInput
    {
        public int? Stage { get; set; }
        /// <summary>The day of the run; empty means today.</summary>
        public DateOnly? On { get; set; }
        public bool? Completed { get; set; }
        public int? PainDuring { get; set; }
        public int? PainUsual { get; set; }
        public bool? Swelling { get; set; }
        public string? ClientKey { get; set; }
    }

    public sealed class RunValidator : AbstractValidator<RunInput>
    {
        public RunValidator(Ladders ladders)
        {
            RuleFor(x => x.Stage).NotNull().WithMessage("Choose the stage you ran.")
                .InclusiveBetween(1, ladders.Ladder.TopStage.Stage).WithMessage($"Choose a stage from 1 to {ladders.Ladder.TopStage.Stage}.");
            RuleFor(x => x.On).Must(on => on is not { } day || ladders.DateProblem(day) is null).WithMessage(x => ladders.DateProblem(x.On!.Value)!);
            RuleFor(x => x.Completed).NotNull().WithMessage("Say whether you finished the run or stopped early.");
            RuleFor(x => x.PainDuring).NotNull().WithMessage("Choose how much it hurt during the run, 0 to 10.")
                .InclusiveBetween(0, 10).WithMessage("Pain is a number from 0 to 10.");
            RuleFor(x => x.PainUsual).InclusiveBetween(0, 10).WithMessage("Pain is a number from 0 to 10.");
            RuleFor(x => x.ClientKey).Must(k => k is null || SessionLog.IsKey(k)).WithMessage("This form is out of date: reload the page and save the run again.");
        }
    }

    public sealed class MorningInput
    {
        public int? RunId { get; set; }
        public int? PainNextMorning { get; set; }
        public bool? Swelling { get; set; }
    }

    public sealed class MorningValidator : AbstractValidator<MorningInput>
    {
        public MorningValidator()
        {
            RuleFor(x => x.RunId).NotNull().WithMessage("This form is out of date: reload the page.");
            RuleFor(x => x.PainNextMorning).NotNull().WithMessage("Choose how much it hurts this morning, 0 to 10.")
                .InclusiveBetween(0, 10).WithMessage("Pain is a number from 0 to 10.");
            RuleFor(x => x.Swelling).NotNull().WithMessage("Say whether the knee is swollen.");
        }
    }

    public sealed class SelfTestInput
    {
        public string? Test { get; set; }
        public bool? Passed { get; set; }
        public int? Pain { get; set; }
        public DateOnly? On { get; set; }
        public string? ClientKey { get; set; }
    }

    public sealed class SelfTestValidator : AbstractValidator<SelfTestInput>
    {
        public SelfTestValidator(Ladders ladders)
        {
            RuleFor(x => x.Test).Must(ladders.IsSelfTest).WithMessage("Choose one of the self-tests.");
            RuleFor(x => x.Passed).NotNull().WithMessage("Say whether the self-test went as it asks.");
            RuleFor(x => x.Pain).NotNull().WithMessage("Choose how much it hurt during the self-test, 0 to 10.")
                .InclusiveBetween(0, 10).WithMessage("Pain is a number from 0 to 10.");
            RuleFor(x => x.On).Must(on => on is not { } day || ladders.DateProblem(day) is null).WithMessage(x => ladders.DateProblem(x.On!.Value)!);
            RuleFor(x => x.ClientKey).Must(k => k is null || SessionLog.IsKey(k)).WithMessage("This form is out of date: reload the page and save the self-test again.");
        }
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) is null ? NotFound() : Page();

    // Each handler binds only its own form (a parameter, not a [BindProperty]), so one form's rules never judge another's.
    public async Task<IActionResult> OnPostRunAsync(string token, RunInput run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (await LoadAsync(token, cancellationToken) is not { } assessment)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, _, state) = await ladders.LogRunAsync(assessment, new RunLog
        {
            AssessmentId = assessment.Id,
            DoneOn = run.On ?? Progressions.Today(clock),
            Stage = run.Stage!.Value,
            Completed = run.Completed!.Value,
            PainDuring = run.PainDuring!.Value,
            PainUsual = run.PainUsual,
            Swelling = run.Swelling,
            ClientKey = run.ClientKey,
        }, cancellationToken);
        if (outcome == RunStored.StageNotOpen)
        {
            ModelState.AddModelError("run.Stage", state.Open ? $"Stage {run.Stage} isn't open: run stage {state.Stage} or one below it." : "The ladder isn't open yet: see what is missing below.");
            return Page();
        }
        if (outcome == RunStored.BeforeSelfTests)
        {
            ModelState.AddModelError("run.On", "That day is before the self-tests that opened the ladder: date the run on or after them.");
            return Page();
        }
        return Saved(token, $"Run saved. {state.Advice.Reason}");
    }

    public async Task<IActionResult> OnPostMorningAsync(string token, MorningInput morning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(morning);
        if (await LoadAsync(token, cancellationToken) is not { } assessment)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await ladders.AddMorningAsync(assessment, morning.RunId!.Value, morning.PainNextMorning!.Value, morning.Swelling, cancellationToken) is not { } state)
        {
            return NotFound();
        }
        return Saved(token, $"Next morning saved. {state.Advice.Reason}");
    }

    public async Task<IActionResult> OnPostSelfTestAsync(string token, SelfTestInput selfTest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selfTest);
        if (await LoadAsync(token, cancellationToken) is not { } assessment)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await ladders.LogSelfTestAsync(assessment, new SelfTestResult
        {
            Test = selfTest.Test!,
            Passed = selfTest.Passed!.Value,
            Pain = selfTest.Pain!.Value,
            DoneOn = selfTest.On ?? Progressions.Today(clock),
            ClientKey = selfTest.ClientKey,
        }, cancellationToken);
        var state = await ladders.ForSeriesAsync(assessment, null, cancellationToken);
        return Saved(token, state.Open ? "Self-test saved. The ladder is open: start with the stage below." : "Self-test saved.");
    }

    /// <summary>Back to the private page, the confirmation carried once in TempData (the page's Message), never in the address.</summary>
    private RedirectToPageResult Saved(string token, string message)
    {
        TempData[nameof(ShowModel.Message)] = message;
        return RedirectToPage("/Manage/Show", null, new { token }, "running-title");
    }

    private async Task<StoredAssessment?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var (stored, section) = await RunningSection.LoadAsync(assessments, ladders, clock, token, cancellationToken);
        Section = section!;
        return stored;
    }
}
