using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KneeReset.Core.Questionnaire;

/// <summary>A problem with one answer, named by its vocabulary id.</summary>
public sealed record AnswerError(string Field, string Message);

/// <summary>
/// Turns raw input (API JSON, form fields) into typed <see cref="Answers"/>, reporting
/// answers of the wrong shape. Range, choice and required checks are the validator's job.
/// </summary>
public static class AnswerReader
{
    public const double KmPerMile = 1.609344;

    public static (Answers Answers, IReadOnlyList<AnswerError> Errors) FromJson(JsonElement answers, QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var result = new Answers();
        var errors = new List<AnswerError>();
        if (answers.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new AnswerError("answers", "Answers must be an object of question ids and values."));
            return (result, errors);
        }
        foreach (var property in answers.EnumerateObject())
        {
            var question = bank.Find(property.Name);
            if (question is null)
            {
                errors.Add(new AnswerError(property.Name, $"'{property.Name}' is not a question id."));
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue; // unanswered
            }
            var value = ReadJson(question, property.Value);
            if (value is null)
            {
                errors.Add(new AnswerError(question.Id, $"'{question.Id}' must be {Expected(question)}."));
            }
            else
            {
                result.Set(question.Id, value);
            }
        }
        return (result, errors);
    }

    private static AnswerValue? ReadJson(Question question, JsonElement json) => question.Kind switch
    {
        QuestionKind.Integer when json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out var n) && n == Math.Floor(n) => AnswerValue.Of(n),
        QuestionKind.Number when json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out var n) && double.IsFinite(n) => AnswerValue.Of(n),
        QuestionKind.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False => AnswerValue.Of(json.GetBoolean()),
        QuestionKind.Single when json.ValueKind == JsonValueKind.String => AnswerValue.Of(json.GetString()!),
        QuestionKind.Multi when json.ValueKind == JsonValueKind.Array && json.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            AnswerValue.Of(json.EnumerateArray().Select(e => e.GetString()!)),
        _ => null,
    };

    private static string Expected(Question question) => question.Kind switch
    {
        QuestionKind.Integer => "a whole number",
        QuestionKind.Number => "a number",
        QuestionKind.Boolean => "true or false",
        QuestionKind.Single => "one of its values as a string",
        _ => "a list of its values as strings",
    };

    /// <summary>
    /// Reads one question's form values. Blank means unanswered (null, no error). Distances
    /// entered in miles are stored in km.
    /// </summary>
    public static (AnswerValue? Value, string? Error) FromForm(Question question, IReadOnlyList<string?> values, bool miles)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(values);
        var filled = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (question.Kind == QuestionKind.Multi)
        {
            // The explicit "none of these" box posts an empty marker: an answered, empty list.
            var chosen = filled.Where(v => v != NoneValue).ToList();
            return chosen.Count == 0 && !filled.Contains(NoneValue) ? (null, null) : (AnswerValue.Of(chosen), null);
        }
        if (filled.Count == 0)
        {
            return (null, null);
        }
        var text = filled[0];
        switch (question.Kind)
        {
            case QuestionKind.Boolean:
                return text switch
                {
                    "true" => (AnswerValue.Of(true), null),
                    "false" => (AnswerValue.Of(false), null),
                    "unknown" => (null, null),
                    _ => (null, "Choose yes or no."),
                };
            case QuestionKind.Single:
                return (AnswerValue.Of(text), null);
            default:
                if (!double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    return (null, "Enter a number, like 12 or 12.5.");
                }
                if (question.Kind == QuestionKind.Integer && number != Math.Floor(number))
                {
                    return (null, "Enter a whole number.");
                }
                if (question.Distance && miles)
                {
                    number = Math.Round(number * KmPerMile, 1);
                }
                return (AnswerValue.Of(number), null);
        }
    }

    /// <summary>The form value of the "none of these" box on a multi-choice question.</summary>
    public const string NoneValue = "_none";

    /// <summary>Writes answers in the vocabulary's JSON shape (what the API returns and the store keeps).</summary>
    public static JsonObject ToJson(Answers answers, QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(bank);
        var json = new JsonObject();
        foreach (var question in bank.Questions)
        {
            if (answers[question.Id] is not { } value)
            {
                continue;
            }
            json[question.Id] = question.Kind switch
            {
                QuestionKind.Integer => JsonValue.Create((long)value.Number!.Value),
                QuestionKind.Number => JsonValue.Create(value.Number!.Value),
                QuestionKind.Boolean => JsonValue.Create(value.Flag!.Value),
                QuestionKind.Single => JsonValue.Create(value.Choices.Count > 0 ? value.Choices[0] : null),
                _ => new JsonArray(value.Choices.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            };
        }
        return json;
    }

    public static Answers FromStoredJson(string json, QuestionBank bank)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement, bank).Answers;
    }
}
