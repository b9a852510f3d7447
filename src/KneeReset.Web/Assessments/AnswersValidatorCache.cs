using KneeReset.Core.Questionnaire;

namespace KneeReset.Web.Assessments;

/// <summary>
/// Built validators, one per set of questions: building one compiles an expression per rule,
/// which cost more than the rest of a POST /api/assessments together. Validators are stateless,
/// so one instance serves every request.
/// </summary>
public sealed class AnswersValidatorCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AnswersValidator> _built = new(StringComparer.Ordinal);

    public AnswersValidator For(IReadOnlyCollection<Question> questions, RequireOneOf? oneOf = null, IReadOnlySet<string>? waived = null)
    {
        var key = string.Join('|', questions.Select(q => q.Id)) + "#" + (oneOf is null ? "" : string.Join('|', oneOf.Questions))
            + "#" + (waived is null ? "" : string.Join('|', waived.Order(StringComparer.Ordinal)));
        return _built.GetOrAdd(key, _ => new AnswersValidator(questions, oneOf, waived));
    }
}
