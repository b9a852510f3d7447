using System.Globalization;
using KneeReset.Core.Assessment;
using KneeReset.Core.Questionnaire;
using KneeReset.Web.Assessment;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeReset.Web.Pages.Assess;

/// <summary>One step of the questionnaire. Back keeps what was entered; next validates first.</summary>
public class StepModel(WizardService wizard) : PageModel
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
    public IReadOnlyList<TriageReason> UrgentReasons { get; private set; } = [];

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

        if (nav == "back")
        {
            // Going back never blocks: keep what was valid, leave the rest for later.
            await wizard.SaveAsync(entity, answers, unit, cancellationToken);
            return Navigate(answers, -1);
        }

        var validation = new AnswersValidator(Questions, Step.RequireOneOf).Validate(answers);
        foreach (var failure in validation.Errors.Where(f => !Errors.ContainsKey(f.PropertyName)))
        {
            Errors[failure.PropertyName] = failure.ErrorMessage;
            Posted[failure.PropertyName] = Request.Form[FieldPrefix + failure.PropertyName].ToArray();
        }
        if (Errors.Count > 0)
        {
            foreach (var (field, message) in Errors)
            {
                ModelState.AddModelError(FieldPrefix + field, message);
            }
            Answers = answers;
            Unit = unit;
            return Page();
        }

        await wizard.SaveAsync(entity, answers, unit, cancellationToken);
        return Navigate(answers, +1);
    }

    private RedirectToPageResult Navigate(Answers answers, int direction)
    {
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
        return null;
    }

    /// <summary>The value to show in a number field: what was typed, else the stored answer in the runner's unit.</summary>
    public string NumberText(Question question)
    {
        if (Posted.TryGetValue(question.Id, out var posted))
        {
            return posted.Count > 0 ? posted[0] ?? "" : "";
        }
        if (Answers.Number(question.Id) is not { } n)
        {
            return "";
        }
        var shown = question.Distance && Unit == "miles" ? Math.Round(n / AnswerReader.KmPerMile, 1) : n;
        return shown.ToString(CultureInfo.InvariantCulture);
    }

    public bool IsChosen(Question question, string value) =>
        Posted.TryGetValue(question.Id, out var posted) ? posted.Contains(value) : Answers.Has(question.Id, value);

    public bool IsNoneChosen(Question question) =>
        Posted.TryGetValue(question.Id, out var posted)
            ? posted.Contains(AnswerReader.NoneValue)
            : Answers[question.Id] is { Choices.Count: 0, Flag: null, Number: null };

    public string? FlagText(Question question) => Answers[question.Id]?.Flag switch
    {
        true => "true",
        false => "false",
        _ => null,
    };

    public string UnitLabel(Question question) =>
        question.Distance ? Unit : question.Unit switch { "points" => "out of 10", { } u => u, null => "" };
}
