using System.Text.RegularExpressions;
using KneeReset.Core.Questionnaire;

namespace KneeReset.Core.Tests.Questionnaire;

/// <summary>
/// docs/answer-vocabulary.md, the project's own vocabulary beyond the shared contract, against the
/// question bank and the rules: every added id and value is documented, with the rules that read it.
/// </summary>
public partial class ProjectVocabularyTests
{
    private sealed record Row(string Id, string Kind, string[] Values, string[] ReadBy);

    private static readonly string PagePath = Path.Combine(AppContext.BaseDirectory, "docs", "answer-vocabulary.md");

    private static readonly IReadOnlyList<Row> Rows = File.ReadAllLines(PagePath)
        .Select(line => ProjectRow().Match(line))
        .Where(m => m.Success)
        .Select(m => new Row(m.Groups[1].Value, m.Groups[2].Value.Trim(), Backticked(m.Groups[3].Value), Backticked(m.Groups[4].Value)))
        .ToList();

    /// <summary>The shared contract's values by id (tests/Acceptance/answer-vocabulary.md).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Contract = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Acceptance", "answer-vocabulary.md"))
        .Select(line => ContractRow().Match(line))
        .Where(m => m.Success)
        .ToDictionary(m => m.Groups[1].Value, m => Backticked(m.Groups[3].Value));

    [GeneratedRegex(@"^\| `([a-z_0-9]+)` \| ([^|]+) \| ([^|]+) \| (.*) \|$")]
    private static partial Regex ProjectRow();

    [GeneratedRegex(@"^\| `([a-z_0-9]+)` \| ([^|]+) \| (.*) \|$")]
    private static partial Regex ContractRow();

    [GeneratedRegex("`([a-z_0-9]+)`")]
    private static partial Regex Code();

    private static string[] Backticked(string text) => [.. Code().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>What the bank captures beyond the contract: a new id's values, or the values added to a contract id.</summary>
    private static IReadOnlyDictionary<string, string[]> Added() => TestContent.Questions.Questions
        .Select(q => (q.Id, Values: q.Options.Select(o => o.Value).Except(Contract.GetValueOrDefault(q.Id) ?? []).ToArray(), IsNew: !Contract.ContainsKey(q.Id)))
        .Where(x => x.IsNew || x.Values.Length > 0)
        .ToDictionary(x => x.Id, x => x.Values);

    [Fact]
    public void The_page_is_read_and_names_the_shared_file_as_the_starting_contract()
    {
        Assert.True(Rows.Count >= 8, $"read {Rows.Count} rows");
        Assert.True(Contract.Count >= 20, $"read {Contract.Count} contract rows");
        Assert.Contains("`tests/Acceptance/answer-vocabulary.md` is the shared starting contract", File.ReadAllText(PagePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_id_and_value_the_bank_adds_to_the_contract_is_on_the_page_and_nothing_else()
    {
        var added = Added();

        Assert.Equal(added.Keys.Order(), Rows.Select(r => r.Id).Order());
        foreach (var row in Rows)
        {
            Assert.True(added[row.Id].Order().SequenceEqual(row.Values.Order()), $"{row.Id}: the page lists {string.Join(", ", row.Values)}; the bank adds {string.Join(", ", added[row.Id])}");
        }
    }

    [Fact]
    public void Each_new_id_is_optional_and_of_the_kind_the_page_says()
    {
        foreach (var row in Rows.Where(r => !Contract.ContainsKey(r.Id)))
        {
            var question = TestContent.Questions.Find(row.Id)!;
            Assert.False(question.Required, $"{row.Id} should be optional");
            var expected = row.Kind.StartsWith("one of", StringComparison.Ordinal) ? QuestionKind.Single
                : row.Kind.StartsWith("any of", StringComparison.Ordinal) ? QuestionKind.Multi
                : throw new InvalidDataException($"unknown kind '{row.Kind}' for {row.Id}");
            Assert.Equal(expected, question.Kind);
        }
    }

    [Fact]
    public void Each_row_names_exactly_the_rules_that_read_it()
    {
        var rules = TestContent.Rules.RuleSet;
        var named = rules.Triage.Select(t => (t.Id, t.When)).Concat(rules.Findings.Select(f => (f.Id, f.When))).ToList();
        foreach (var row in Rows)
        {
            // A new id: every rule reading it. Values added to a contract id: every rule reading one of them.
            var reading = Contract.ContainsKey(row.Id)
                ? named.Where(r => r.When.Values().Any(v => v.Fact == row.Id && row.Values.Contains(v.Value)))
                : named.Where(r => r.When.Facts().Contains(row.Id));
            Assert.Equal(reading.Select(r => r.Id).Order(), row.ReadBy.Order());
        }
    }
}
