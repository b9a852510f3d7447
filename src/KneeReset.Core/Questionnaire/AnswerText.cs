using System.Globalization;

namespace KneeReset.Core.Questionnaire;

/// <summary>An answer as a runner or a clinician reads it: the one way answers are shown.</summary>
public static class AnswerText
{
    /// <summary>The yes/no questions' third choice, ticked until the runner picks yes or no; stored as no answer.</summary>
    public const string NotSure = "Not sure / skipped";


    /// <param name="miles">Show distances in miles (the runner's choice); stored answers are in km.</param>
    /// <param name="withCodes">Add each choice's vocabulary code, for clinicians.</param>
    public static string Describe(Question question, AnswerValue? value, bool miles = false, bool withCodes = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (value is null)
        {
            // A yes/no question left unanswered shows what its form showed ticked.
            return question.Kind == QuestionKind.Boolean ? NotSure : "Not answered";
        }
        if (question.IsChoice)
        {
            return value.Choices.Count == 0
                ? question.NoneLabel ?? "None"
                : string.Join("; ", value.Choices.Select(c => (question.Option(c)?.Label ?? c) + (withCodes ? $" ({c})" : "")));
        }
        if (value.Flag is { } flag)
        {
            return flag ? "Yes" : "No";
        }
        var n = value.Number!.Value;
        if (question.Distance && miles)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(n / AnswerReader.KmPerMile, 1)} miles");
        }
        var suffix = question.Unit switch { "points" => " out of 10", null => "", { } unit => " " + unit };
        return string.Create(CultureInfo.InvariantCulture, $"{n}{suffix}");
    }
}
