using System.Globalization;
using FluentValidation;
using KneeReset.Core.Questionnaire;

namespace KneeReset.Web.Assessments;

/// <summary>
/// The one validation path for answers, shared by the wizard (one step's questions) and the
/// API (the whole bank): required answers, ranges, whole numbers and known choices.
/// Errors are keyed by the vocabulary id.
/// </summary>
public sealed class AnswersValidator : AbstractValidator<Answers>
{
    /// <param name="oneOf">A step's requirement that one of several optional questions is answered; the message goes beside the first.</param>
    /// <param name="waived">Required questions that may be left out here (urgent answers skip them); their ranges still apply.</param>
    public AnswersValidator(IEnumerable<Question> questions, RequireOneOf? oneOf = null, IReadOnlySet<string>? waived = null)
    {
        if (oneOf is not null)
        {
            RuleFor(a => a).Must(a => oneOf.Questions.Any(id => a[id] is not null)).WithMessage(oneOf.Message).OverridePropertyName(oneOf.Questions[0]);
        }
        foreach (var question in questions)
        {
            var rule = RuleFor(a => a[question.Id]).Cascade(CascadeMode.Stop);
            if (question.Required && waived?.Contains(question.Id) != true)
            {
                rule.NotNull().WithMessage(RequiredMessage(question)).OverridePropertyName(question.Id);
            }
            rule.Must(v => InRange(question, v)).WithMessage(RangeMessage(question)).OverridePropertyName(question.Id);
            rule.Must(v => KnownChoices(question, v)).WithMessage(v => UnknownChoiceMessage(question, v[question.Id])).OverridePropertyName(question.Id);
            if (question.Kind == QuestionKind.Multi && !question.AcceptsNone())
            {
                rule.Must(v => v is null || v.Choices.Count > 0).WithMessage(RequiredMessage(question)).OverridePropertyName(question.Id);
            }
        }
    }

    private static string RequiredMessage(Question q) => q.Kind switch
    {
        QuestionKind.Multi when q.NoneLabel is not null => $"Tick at least one answer, or \"{q.NoneLabel}\".",
        QuestionKind.Multi => "Choose at least one answer.",
        QuestionKind.Single => "Choose one answer.",
        _ => "Please answer this question.",
    };

    private static bool InRange(Question q, AnswerValue? value) =>
        value?.Number is not { } n || ((q.Min is null || n >= q.Min) && (q.Max is null || n <= q.Max));

    private static string RangeMessage(Question q) =>
        string.Create(CultureInfo.InvariantCulture, $"Enter a number from {q.Min ?? 0} to {q.Max}{(q.Unit is "km" or "cm" ? " " + q.Unit : "")}.");

    private static bool KnownChoices(Question q, AnswerValue? value) =>
        value is null || !q.IsChoice || value.Choices.All(c => q.Option(c) is not null);

    private static string UnknownChoiceMessage(Question q, AnswerValue? value) =>
        $"'{string.Join("', '", value?.Choices.Where(c => q.Option(c) is null) ?? [])}' is not one of the choices: {string.Join(", ", q.Options.Select(o => o.Value))}.";
}
