using Hl7.Fhir.Model;

namespace KneeReset.Web.Tests.Fhir;

/// <summary>
/// What the base validator cannot see: whether a QuestionnaireResponse fits its Questionnaire.
/// Every answered item exists with the same text, has the item's type, one answer unless it
/// repeats, a coding among its answerOptions, a number within its minValue and maxValue; and
/// every required item is answered.
/// </summary>
public static class AnswerFit
{
    private const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

    public static IReadOnlyList<string> Problems(Questionnaire questionnaire, QuestionnaireResponse response)
    {
        var problems = new List<string>();
        Check(questionnaire.Item, response.Item, problems);
        return problems;
    }

    private static void Check(List<Questionnaire.ItemComponent> items, List<QuestionnaireResponse.ItemComponent> given, List<string> problems)
    {
        foreach (var answered in given)
        {
            var item = items.SingleOrDefault(i => i.LinkId == answered.LinkId);
            if (item is null)
            {
                problems.Add($"{answered.LinkId}: no item with this linkId here");
                continue;
            }
            if (answered.Text != item.Text)
            {
                problems.Add($"{item.LinkId}: text '{answered.Text}' is not the item's '{item.Text}'");
            }
            if (item.Type == Questionnaire.QuestionnaireItemType.Group)
            {
                if (answered.Answer.Count > 0)
                {
                    problems.Add($"{item.LinkId}: a group holds no answers");
                }
                continue;
            }
            if (answered.Answer.Count == 0 || (answered.Answer.Count > 1 && item.Repeats != true))
            {
                problems.Add($"{item.LinkId}: {answered.Answer.Count} answers, repeats {item.Repeats}");
            }
            problems.AddRange(answered.Answer.Select(a => Fits(item, a.Value)).OfType<string>().Select(p => $"{item.LinkId}: {p}"));
        }
        foreach (var item in items)
        {
            var answered = given.Where(g => g.LinkId == item.LinkId).ToList();
            if (item.Required == true && answered.Count == 0)
            {
                problems.Add($"{item.LinkId}: required, not answered");
            }
            if (answered.Count > 1)
            {
                problems.Add($"{item.LinkId}: answered {answered.Count} times");
            }
            if (item.Type == Questionnaire.QuestionnaireItemType.Group)
            {
                Check(item.Item, answered.SelectMany(a => a.Item).ToList(), problems);
            }
        }
    }

    private static string? Fits(Questionnaire.ItemComponent item, DataType? value) => (item.Type, value) switch
    {
        (Questionnaire.QuestionnaireItemType.Integer, Integer { Value: { } n }) => InRange(item, n),
        (Questionnaire.QuestionnaireItemType.Decimal, FhirDecimal { Value: { } n }) => InRange(item, n),
        (Questionnaire.QuestionnaireItemType.Boolean, FhirBoolean { Value: not null }) => null,
        (Questionnaire.QuestionnaireItemType.Choice, Coding coding) =>
            item.AnswerOption.Any(o => o.Value is Coding option && option.System == coding.System && option.Code == coding.Code && option.Display == coding.Display)
                ? null
                : $"{coding.System}#{coding.Code} ('{coding.Display}') is not among its answerOptions",
        _ => $"a {value?.TypeName ?? "missing value"} does not fit an item of type {item.Type}",
    };

    private static string? InRange(Questionnaire.ItemComponent item, decimal n)
    {
        var min = Limit(item, MinValue);
        var max = Limit(item, MaxValue);
        return (min is null || n >= min) && (max is null || n <= max) ? null : $"{n} is outside {min}..{max}";
    }

    private static decimal? Limit(Questionnaire.ItemComponent item, string url) => item.GetExtensionValue<DataType>(url) switch
    {
        Integer { Value: { } i } => i,
        FhirDecimal { Value: { } d } => d,
        _ => null,
    };
}
