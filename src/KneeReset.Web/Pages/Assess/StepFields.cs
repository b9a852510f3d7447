using System.Globalization;
using KneeReset.Core.Questionnaire;

namespace KneeReset.Web.Pages.Assess;

/// <summary>
/// The values a step's fields show: what was typed when it could not be accepted, else the stored
/// answer (distances in the runner's unit).
/// </summary>
public sealed class StepFields(Answers answers, string unit, IReadOnlyDictionary<string, IReadOnlyList<string?>> typed)
{
    /// <summary>The value to show in a number field: what was typed, else the stored answer in the runner's unit.</summary>
    public string NumberText(Question question)
    {
        if (typed.TryGetValue(question.Id, out var posted))
        {
            return posted.Count > 0 ? posted[0] ?? "" : "";
        }
        if (answers.Number(question.Id) is not { } n)
        {
            return "";
        }
        var shown = question.Distance && unit == "miles" ? Math.Round(n / AnswerReader.KmPerMile, 1) : n;
        return shown.ToString(CultureInfo.InvariantCulture);
    }

    public bool IsChosen(Question question, string value) =>
        typed.TryGetValue(question.Id, out var posted) ? posted.Contains(value) : answers.Has(question.Id, value);

    public bool IsNoneChosen(Question question) =>
        typed.TryGetValue(question.Id, out var posted)
            ? posted.Contains(AnswerReader.NoneValue)
            : answers[question.Id] is { Choices.Count: 0, Flag: null, Number: null };

    public string? FlagText(Question question) => answers[question.Id]?.Flag switch
    {
        true => "true",
        false => "false",
        _ => null,
    };

    public string UnitLabel(Question question) =>
        question.Distance ? unit : question.Unit switch { "points" => "out of 10", { } u => u, null => "" };
}
