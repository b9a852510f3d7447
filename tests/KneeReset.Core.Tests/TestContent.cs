using System.Text.Json;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests;

/// <summary>The real content files (copied beside the tests) and helpers to build answers.</summary>
public static class TestContent
{
    public static string Dir { get; } = Path.Combine(AppContext.BaseDirectory, "content");
    public static QuestionBank Questions { get; } = ContentJson.ReadQuestionBank(Dir);
    public static AssessmentRules Rules { get; } = new(ContentJson.ReadRuleSet(Dir));

    /// <summary>Answers from JSON in the vocabulary's terms, e.g. <c>{"location": ["outer_side"]}</c>.</summary>
    public static Answers Answers(string json)
    {
        using var document = JsonDocument.Parse(json);
        var (answers, errors) = AnswerReader.FromJson(document.RootElement, Questions);
        Assert.Empty(errors);
        return answers;
    }

    public static AssessmentResult Evaluate(string json) => Rules.Evaluate(Answers(json));

    public static CauseScore Cause(this AssessmentResult result, string id) => result.Causes.Single(c => c.Cause == id);
}
