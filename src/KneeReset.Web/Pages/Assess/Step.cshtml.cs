using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Core.TrainingImport;
using KneeReset.Web.Assessments;
using KneeReset.Web.Infrastructure;
using KneeReset.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Pages.Assess;

/// <summary>One step of the questionnaire. Back keeps what was entered; next validates first.</summary>
/// <remarks>The training step takes training files, so a post may be as large as an import (only imports are rate limited).</remarks>
[RequestSizeLimit(TrainingUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TrainingUpload.MaxRequestBytes)]
[EnableRateLimiting(RateLimits.TrainingImport)]
public class StepModel(WizardService wizard, AnswersValidatorCache validators) : PageModel
{
    public const string FieldPrefix = "q.";

    public string DraftId { get; private set; } = "";
    public QuestionStep Step { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public int StepNumber { get; private set; }
    public int StepCount { get; private set; }
    public bool IsFirst => StepNumber == 1;
    public string Unit { get; private set; } = "km";
    public Answers Answers { get; private set; } = new();
    /// <summary>What was typed, shown back when it could not be accepted.</summary>
    public Dictionary<string, IReadOnlyList<string?>> Posted { get; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>What each field shows: what was typed when it was refused, else the stored answer.</summary>
    public StepFields Fields => new(Answers, Unit, Posted);
    public IReadOnlyList<TriageReason> UrgentReasons { get; private set; } = [];

    /// <summary>"review" when the runner came from the review's "Change": after this one step, back to the review.</summary>
    [BindProperty(SupportsGet = true, Name = "then")]
    public string? Then { get; set; }

    public bool ReturnsToReview => Then == "review";

    public const string FilesField = "files";
    public const string ImportSectionId = "training-import";

    /// <summary>The training step offers "Add my runs".</summary>
    public bool OffersImport => Step.Id == WizardService.TrainingStepId;

    /// <summary>The runs the runner added on the training step, kept with the draft.</summary>
    public TrainingSummary? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync(string draft, string step, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(draft, step, cancellationToken);
        return found ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string draft, string step, string? nav, CancellationToken cancellationToken)
    {
        var notFound = await LoadAsync(draft, step, cancellationToken);
        if (notFound is not null)
        {
            return notFound;
        }
        var entity = (await wizard.FindAsync(draft, cancellationToken))!;
        var (answers, unit) = ReadPosted();

        if (nav == "back")
        {
            // Going back never blocks: keep what was valid, leave the rest for later.
            await wizard.SaveAsync(entity, answers, unit, cancellationToken);
            return Navigate(answers, -1);
        }

        var validation = validators.For(Questions, Step.RequireOneOf).Validate(answers);
        foreach (var failure in validation.Errors.Where(f => !Errors.ContainsKey(f.PropertyName)))
        {
            Errors[failure.PropertyName] = failure.ErrorMessage;
            Posted[failure.PropertyName] = Request.Form[FieldPrefix + failure.PropertyName].ToArray();
        }
        if (Errors.Count > 0)
        {
            return ShowAgain(answers, unit);
        }

        await wizard.SaveAsync(entity, answers, unit, cancellationToken);
        return Navigate(answers, +1);
    }

    /// <summary>
    /// "Add my runs" on the training step: the files' figures fill the four training answers and the
    /// runs are kept with the draft. What was typed is kept either way; a file that cannot be read
    /// is named in the error summary.
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync(string draft, string step, CancellationToken cancellationToken)
    {
        var notFound = await LoadAsync(draft, step, cancellationToken);
        if (notFound is not null || !OffersImport)
        {
            return notFound ?? NotFound();
        }
        var entity = (await wizard.FindAsync(draft, cancellationToken))!;
        var (answers, unit) = ReadPosted();

        var upload = await TrainingUpload.ReadAsync(Request, FilesField, cancellationToken);
        var (summary, error) = upload.Error is null ? await TrainingUpload.ImportAsync(upload.Files, null, cancellationToken) : (null, upload.Error);
        if (summary is null)
        {
            await wizard.SaveAsync(entity, answers, unit, cancellationToken);
            Errors[FilesField] = error!;
            return ShowAgain(answers, unit);
        }

        // The imported figures replace whatever was typed in their four boxes, valid or not.
        foreach (var id in ImportedTraining.QuestionIds)
        {
            Errors.Remove(id);
            Posted.Remove(id);
        }
        await wizard.SaveImportAsync(entity, answers, unit, summary, cancellationToken);
        if (Errors.Count > 0)
        {
            Imported = summary;
            return ShowAgain(wizard.AnswersOf(entity), unit);
        }
        return RedirectToPage("Step", null, new { draft = DraftId, step = Step.Id }, ImportSectionId);
    }

    /// <summary>"Remove these runs": the figures stay as typed answers; the runs are no longer kept or cited.</summary>
    public async Task<IActionResult> OnPostRemoveImportAsync(string draft, string step, CancellationToken cancellationToken)
    {
        var notFound = await LoadAsync(draft, step, cancellationToken);
        if (notFound is not null || !OffersImport)
        {
            return notFound ?? NotFound();
        }
        var entity = (await wizard.FindAsync(draft, cancellationToken))!;
        var (answers, unit) = ReadPosted();
        await wizard.RemoveImportAsync(entity, answers, unit, cancellationToken);
        Imported = null;
        return Errors.Count > 0 ? ShowAgain(answers, unit) : RedirectToPage("Step", null, new { draft = DraftId, step = Step.Id }, ImportSectionId);
    }

    /// <summary>The step's answers as posted, in km; answers of the wrong shape go to <see cref="Errors"/> with what was typed.</summary>
    private (Answers Answers, string Unit) ReadPosted()
    {
        var postedUnit = Request.Form["unit"].ToString();
        var unit = postedUnit is "miles" or "km" ? postedUnit : Unit;
        var answers = Answers.Copy();
        foreach (var question in Questions)
        {
            var values = Request.Form[FieldPrefix + question.Id].ToArray();
            var (value, error) = AnswerReader.FromForm(question, values, unit == "miles");
            if (error is not null)
            {
                Errors[question.Id] = error;
                Posted[question.Id] = values;
            }
            else if (value is null)
            {
                answers.Remove(question.Id);
            }
            else
            {
                answers.Set(question.Id, value);
            }
        }
        return (answers, unit);
    }

    private PageResult ShowAgain(Answers answers, string unit)
    {
        foreach (var (field, message) in Errors)
        {
            ModelState.AddModelError(field == FilesField ? FilesField : FieldPrefix + field, message);
        }
        Answers = answers;
        Unit = unit;
        return Page();
    }

    private RedirectToPageResult Navigate(Answers answers, int direction)
    {
        if (ReturnsToReview)
        {
            return RedirectToPage("Review", new { draft = DraftId });
        }
        var steps = wizard.ActiveSteps(answers);
        var current = steps.ToList().FindIndex(s => s.Id == Step.Id);
        var target = current < 0 ? 0 : current + direction;
        if (target >= steps.Count)
        {
            return RedirectToPage("Review", new { draft = DraftId });
        }
        return RedirectToPage("Step", new { draft = DraftId, step = steps[Math.Max(0, target)].Id });
    }

    /// <summary>Loads the draft and step; returns a result only when the page should not render.</summary>
    private async Task<IActionResult?> LoadAsync(string draftId, string stepId, CancellationToken cancellationToken)
    {
        var draft = await wizard.FindAsync(draftId, cancellationToken);
        var step = wizard.Questions.FindStep(stepId);
        if (draft is null || step is null)
        {
            return NotFound();
        }
        if (draft.FinishedAssessmentId is not null)
        {
            // Back from the result, or a step submitted again: the questionnaire became that result.
            return await wizard.ResultOfAsync(draft, cancellationToken) is { } manage ? RedirectToPage("/Manage/Show", new { token = manage }) : NotFound();
        }
        DraftId = draft.Id;
        Unit = draft.Unit;
        Answers = wizard.AnswersOf(draft);
        var steps = wizard.ActiveSteps(Answers);
        var index = steps.ToList().FindIndex(s => s.Id == step.Id);
        if (index < 0)
        {
            // Skip logic: this step does not apply to these answers.
            return RedirectToPage("Review", new { draft = DraftId });
        }
        Step = step;
        StepNumber = index + 1;
        StepCount = steps.Count + 1; // the review is the last step
        Questions = WizardService.ActiveQuestions(step, Answers);
        UrgentReasons = wizard.UrgentReasons(Answers);
        Imported = WizardService.ImportedOf(draft);
        return null;
    }
}
