using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeReset.Web.Pages.Assess;

/// <summary>The last step: every answer with a link to change it, then the result.</summary>
[EnableRateLimiting(RateLimits.NewAssessment)]
public class ReviewModel(WizardService wizard, AnswersValidatorCache validators) : PageModel
{
    public sealed record Row(QuestionStep Step, Question Question, string Answer, string? Error);

    public string DraftId { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int StepCount { get; private set; }
    public IReadOnlyList<TriageReason> UrgentReasons { get; private set; } = [];
    public bool HasErrors => Rows.Any(r => r.Error is not null);

    public async Task<IActionResult> OnGetAsync(string draft, CancellationToken cancellationToken) =>
        await LoadAsync(draft, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string draft, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draft, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        if (HasErrors)
        {
            foreach (var row in Rows.Where(r => r.Error is not null))
            {
                ModelState.AddModelError(row.Question.Id, row.Error!);
            }
            return Page();
        }
        // The runner's private page: their result, the share link and its settings.
        return await wizard.FinishAsync(Draft, cancellationToken) is { } manage ? RedirectToPage("/Manage/Show", new { token = manage }) : NotFound();
    }

    private AssessmentDraft Draft { get; set; } = null!;

    /// <summary>Loads the draft; a finished one answers with its result instead (Back, or a second submit).</summary>
    private async Task<IActionResult?> LoadAsync(string draftId, CancellationToken cancellationToken)
    {
        var draft = await wizard.FindAsync(draftId, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }
        if (draft.FinishedAssessmentId is not null)
        {
            return await wizard.ResultOfAsync(draft, cancellationToken) is { } manage ? RedirectToPage("/Manage/Show", new { token = manage }) : NotFound();
        }
        Draft = draft;
        DraftId = draft.Id;
        var answers = wizard.AnswersOf(draft);
        var steps = wizard.ActiveSteps(answers);
        StepCount = steps.Count + 1;
        UrgentReasons = wizard.UrgentReasons(answers);
        var questions = steps.SelectMany(s => WizardService.ActiveQuestions(s, answers).Select(q => (Step: s, Question: q))).ToList();
        var errors = validators.For([.. questions.Select(x => x.Question)]).Validate(answers).Errors
            .GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        Rows = questions.Select(x => new Row(x.Step, x.Question, AnswerText.Describe(x.Question, answers[x.Question.Id], miles: draft.Unit == "miles"), errors.GetValueOrDefault(x.Question.Id))).ToList();
        return null;
    }
}
