using KneeReset.Core.Rules;

namespace KneeReset.Core.Questionnaire;

/// <summary>The versioned question bank: steps of questions, each question bound to one vocabulary id.</summary>
public sealed class QuestionBank
{
    public required string Version { get; init; }
    public required IReadOnlyList<QuestionStep> Steps { get; init; }

    public IEnumerable<Question> Questions => Steps.SelectMany(s => s.Questions);

    public Question? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public QuestionStep? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>
    /// Required questions that are not asked once the answers call for urgent care (they sit in a
    /// SkipWhenUrgent step): a runner who must see a clinician today is not held back by them.
    /// A method, so the bank's JSON (GET /api/questionnaire) stays as it is.
    /// </summary>
    public IReadOnlySet<string> RequiredUnlessUrgent() =>
        Steps.Where(s => s.SkipWhenUrgent).SelectMany(s => s.Questions).Where(q => q.Required).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
}

public sealed class QuestionStep
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Intro { get; init; }
    /// <summary>Skip logic: the step is asked only when this holds for the answers so far.</summary>
    public Condition? ShowIf { get; init; }
    /// <summary>Not asked once the answers so far already call for urgent care: the runner goes straight to the result.</summary>
    public bool SkipWhenUrgent { get; init; }
    /// <summary>The runner must answer at least one of these questions to move on (an exact age or an age range, say).</summary>
    public RequireOneOf? RequireOneOf { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
}

/// <summary>
/// A step-level requirement: one of several optional questions must be answered in the
/// questionnaire. The API keeps each of them optional; the rules treat their absence cautiously.
/// </summary>
public sealed class RequireOneOf
{
    public required IReadOnlyList<string> Questions { get; init; }
    public required string Message { get; init; }
}

public enum QuestionKind
{
    Integer,
    Number,
    Single,
    Multi,
    Boolean,
}

public sealed class Question
{
    public required string Id { get; init; }
    public required QuestionKind Kind { get; init; }
    public required string Prompt { get; init; }
    public string? Help { get; init; }
    /// <summary>How to do a self-check, step by step.</summary>
    public IReadOnlyList<string>? HowTo { get; init; }
    public bool Required { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    /// <summary>Unit of the stored value: km, cm, years, weeks or points.</summary>
    public string? Unit { get; init; }
    /// <summary>A distance the runner may enter in miles; stored in km.</summary>
    public bool Distance { get; init; }
    /// <summary>For multi-choice questions: the label of the explicit "none of these" answer (an empty list).</summary>
    public string? NoneLabel { get; init; }

    /// <summary>
    /// A multi-choice question that takes an empty list as its answer ("none of these"): one with a
    /// none label, or one that is not required. A required list without a none label needs a choice.
    /// A method, not a property, so the question bank's JSON (GET /api/questionnaire) stays as it is.
    /// </summary>
    public bool AcceptsNone() => Kind == QuestionKind.Multi && (NoneLabel is not null || !Required);
    public IReadOnlyList<AnswerOption> Options { get; init; } = [];
    public Condition? ShowIf { get; init; }

    public bool IsChoice => Kind is QuestionKind.Single or QuestionKind.Multi;

    public AnswerOption? Option(string value) => Options.FirstOrDefault(o => o.Value == value);
}

public sealed class AnswerOption
{
    public required string Value { get; init; }
    public required string Label { get; init; }
    public string? Help { get; init; }
}
