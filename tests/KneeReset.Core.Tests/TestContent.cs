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

    /// <summary>A clear, mild kneecap picture that on its own is self-care; each triage test adds one thing.</summary>
    public static string MildKneecap(string flags = "", int age = 30, string onset = "gradual", string location = "\"front_kneecap\"", string extra = "") => $$"""
        {"age": {{age}}, "location": [{{location}}], "onset": "{{onset}}", "worst_pain": 4, "duration_weeks": 4,
         "aggravators": ["stairs_down", "prolonged_sitting"], "red_flags": [{{flags}}]{{extra}}}
        """;

    public static CauseScore Cause(this AssessmentResult result, string id) => result.Causes.Single(c => c.Cause == id);
}
