using System.Globalization;
using KneeReset.Core.ReturnToRun;
using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Pages.Manage;

/// <summary>The run questions' form: the stages that may be logged, the one chosen, the day it shows.</summary>
/// <param name="ClientKey">Made fresh each time the form is served: a second post of the same form stores the run once.</param>
public sealed record RunForm(string ManageToken, string ClientKey, int OpenStage, int Chosen, DateOnly On, DateOnly Today);

/// <summary>A recorded run as read from its file: only its day and time, and the stage it matches.</summary>
public sealed record RecordedRunProposal(DateOnly On, TimeSpan Duration, RunMatch Match, int Runs);

/// <summary>
/// "Log a run I recorded" (/m/{token}/running/recorded): step one reads the uploaded file with the
/// training import's readers and limits and proposes the open stage its time matches; step two is
/// the ladder's own run form, pre-filled, so the run is stored by the same path with the same refusals.
/// Nothing of the file is stored: the run's day and time are shown, and only the day is posted on.
/// </summary>
[RequestSizeLimit(TrainingUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TrainingUpload.MaxRequestBytes)]
[EnableRateLimiting(RateLimits.SessionLog)]
public class RecordedRunModel(AssessmentService assessments, Ladders ladders, TimeProvider clock) : PageModel
{
    public const string FileField = "file";

    public RunningSection Section { get; private set; } = null!;

    /// <summary>The run read and matched; null until a file gives one.</summary>
    public RecordedRunProposal? Proposal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) is null)
        {
            return NotFound();
        }
        if (!Section.State.Open || Section.State.Stage is not { } open)
        {
            return Refuse("The ladder isn't open yet: see what is missing on your private page.");
        }
        var upload = await TrainingUpload.ReadAsync(Request, FileField, cancellationToken);
        var (imported, error) = upload.Error is null ? await TrainingUpload.ReadRunsAsync(upload.Files, cancellationToken) : (null, upload.Error);
        if (imported is null)
        {
            return Refuse(error!);
        }
        // The most recent run: the one just done is the one to log; older ones came before the
        // ladder's rest days and next mornings could be asked about.
        var run = imported.Runs[^1];
        if (run.Duration is not { } duration)
        {
            return Refuse($"The run on {Day(run.Date)} has no time in the file, so it can't be matched to a stage. Log it with the run form instead.");
        }
        if (ladders.DateProblem(run.Date) is { } dateProblem)
        {
            return Refuse($"The run on {Day(run.Date)}: {dateProblem}");
        }
        var match = RunMatching.Match(ladders.Ladder, open, duration);
        if (!match.Matched)
        {
            return Refuse(match.Reason);
        }
        Proposal = new RecordedRunProposal(run.Date, duration, match, imported.Runs.Count);
        return Page();
    }

    /// <summary>The upload form again, with the message in the validation summary.</summary>
    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(FileField, message);
        return Page();
    }

    public RunForm ConfirmForm(RecordedRunProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return new(Section.ManageToken, Section.ClientKey, Section.State.Stage!.Value, proposal.Match.Stage!.Value, proposal.On, Section.Today);
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Time(TimeSpan duration) =>
        duration.TotalHours >= 1 ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : duration.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private async Task<StoredAssessment?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var (stored, section) = await RunningSection.LoadAsync(assessments, ladders, clock, token, cancellationToken);
        Section = section!;
        return stored;
    }
}
