using System.Text.RegularExpressions;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;

namespace KneeReset.Core.Tests.Questionnaire;

/// <summary>The question bank and rule set against the answer vocabulary, the contract between them.</summary>
public partial class QuestionBankTests
{
    /// <summary>(id, kind, values) rows of the vocabulary table in Data/answer-vocabulary.md.</summary>
    private static readonly IReadOnlyList<(string Id, string Kind, string[] Values)> Vocabulary = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Acceptance", "answer-vocabulary.md"))
        .Select(line => VocabularyRow().Match(line))
        .Where(m => m.Success)
        .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim(), Backticked().Matches(m.Groups[3].Value).Select(v => v.Groups[1].Value).ToArray()))
        .ToList();

    [GeneratedRegex(@"^\| `([a-z_0-9]+)` \| ([^|]+) \| (.*) \|$")]
    private static partial Regex VocabularyRow();

    [GeneratedRegex("`([a-z_0-9]+)`")]
    private static partial Regex Backticked();

    [Fact]
    public void The_vocabulary_table_was_read()
    {
        Assert.True(Vocabulary.Count >= 20, $"read {Vocabulary.Count} rows");
    }

    [Fact]
    public void Every_vocabulary_id_and_value_can_be_answered()
    {
        foreach (var (id, kind, values) in Vocabulary)
        {
            var question = TestContent.Questions.Find(id);
            Assert.True(question is not null, $"no question for '{id}'");
            if (kind.StartsWith("one", StringComparison.Ordinal) || kind.StartsWith("any", StringComparison.Ordinal))
            {
                Assert.True(question.IsChoice, $"'{id}' should be a choice");
                // The questionnaire may capture more than the vocabulary (a fibular-head red flag, say), never less.
                Assert.All(values, v => Assert.True(question.Option(v) is not null, $"'{id}' has no option '{v}'"));
            }
            if (kind.StartsWith("integer", StringComparison.Ordinal))
            {
                Assert.Equal(QuestionKind.Integer, question.Kind);
            }
            if (kind.StartsWith("true/false", StringComparison.Ordinal))
            {
                Assert.Equal(QuestionKind.Boolean, question.Kind);
            }
            Assert.Equal(kind.Contains("(required", StringComparison.Ordinal), question.Required);
        }
    }

    [Fact]
    public void Numeric_ranges_match_the_vocabulary()
    {
        foreach (var (id, kind, _) in Vocabulary.Where(v => v.Kind.StartsWith("integer", StringComparison.Ordinal) || v.Kind.StartsWith("number", StringComparison.Ordinal)))
        {
            var range = Regex.Match(kind, @"(\d+)[–-](\d+)");
            var question = TestContent.Questions.Find(id)!;
            Assert.Equal(double.Parse(range.Groups[1].Value), question.Min);
            Assert.Equal(double.Parse(range.Groups[2].Value), question.Max);
        }
    }

    [Fact]
    public void The_rules_read_only_vocabulary_ids_and_values()
    {
        var rules = TestContent.Rules.RuleSet;
        var conditions = rules.Causes.SelectMany(c => c.Signals.Select(s => s.When))
            .Concat(rules.Findings.Select(f => f.When))
            .Concat(rules.Triage.Select(t => t.When))
            .ToList();
        foreach (var fact in conditions.SelectMany(c => c.Facts()).Distinct())
        {
            Assert.True(TestContent.Questions.Find(fact) is not null || AssessmentRules.DerivedFactIds.Contains(fact), $"unknown fact '{fact}'");
        }
        var causes = rules.Causes.Select(c => c.Id).Append("none").ToHashSet();
        foreach (var (fact, value) in conditions.SelectMany(c => c.Values()).Distinct())
        {
            var known = TestContent.Questions.Find(fact)?.Option(value) is not null || (fact == "top_cause" && causes.Contains(value));
            Assert.True(known, $"unknown value '{value}' for '{fact}'");
        }
    }

    [Fact]
    public void Every_step_and_question_id_is_unique()
    {
        Assert.Equal(TestContent.Questions.Steps.Count, TestContent.Questions.Steps.Select(s => s.Id).Distinct().Count());
        Assert.Equal(TestContent.Questions.Questions.Count(), TestContent.Questions.Questions.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void Red_flags_are_asked_in_the_first_step()
    {
        Assert.Contains(TestContent.Questions.Steps[0].Questions, q => q.Id == "red_flags");
    }
}
