using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KneeReset.Web.Tests.Api;

/// <summary>GET /api/questionnaire against the answer vocabulary (Data/answer-vocabulary.md).</summary>
public partial class QuestionnaireApiTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    /// <summary>One row of the vocabulary's table.</summary>
    public sealed record Term(string Id, string Kind, string Values)
    {
        public bool IsChoice => Kind.StartsWith("one of", StringComparison.Ordinal) || Kind.StartsWith("one or more", StringComparison.Ordinal) || Kind.StartsWith("any of", StringComparison.Ordinal);

        public bool IsRequired => Kind.Contains("(required", StringComparison.Ordinal);

        /// <summary>The backticked words in the values column (choice questions only).</summary>
        public IReadOnlyList<string> Choices => IsChoice ? [.. Backticked().Matches(Values).Select(m => m.Groups[1].Value)] : [];

        /// <summary>The bank's kind for this vocabulary kind.</summary>
        public string BankKind => Kind switch
        {
            _ when Kind.StartsWith("one of", StringComparison.Ordinal) => "single",
            _ when Kind.StartsWith("one or more", StringComparison.Ordinal) || Kind.StartsWith("any of", StringComparison.Ordinal) => "multi",
            _ when Kind.StartsWith("integer", StringComparison.Ordinal) => "integer",
            _ when Kind.StartsWith("number", StringComparison.Ordinal) => "number",
            _ when Kind.StartsWith("true/false", StringComparison.Ordinal) => "boolean",
            _ => throw new InvalidDataException($"Unknown vocabulary kind '{Kind}' for {Id}."),
        };

        /// <summary>"integer, 8–100" gives (8, 100).</summary>
        public (double Min, double Max)? Range => RangeText().Match(Kind) is { Success: true } m
            ? (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    public static IReadOnlyList<Term> Vocabulary { get; } = ReadVocabulary();

    public static TheoryData<string> Ids => new(Vocabulary.Select(t => t.Id));

    [Fact]
    public void The_vocabulary_table_is_read()
    {
        // Guards the parser: an unreadable table would make the theory below vacuous.
        Assert.True(Vocabulary.Count >= 20, $"Only {Vocabulary.Count} ids read from answer-vocabulary.md");
        Assert.Contains(Vocabulary, t => t.Id == "red_flags" && t.Choices.Contains("calf_pain_swelling"));
    }

    [Fact]
    public async Task Get_returns_a_versioned_bank_of_steps()
    {
        var bank = await GetBankAsync();

        Assert.False(string.IsNullOrWhiteSpace((string?)bank["version"]));
        var steps = bank["steps"]!.AsArray();
        Assert.Equal(["safety", "about", "where", "pain", "pattern", "training", "form", "self_checks"], steps.Select(s => (string)s!["id"]!));
        Assert.All(steps, s => Assert.NotEmpty(s!["questions"]!.AsArray()));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Bank_captures_vocabulary_id(string id)
    {
        var term = Vocabulary.Single(t => t.Id == id);
        var questions = Questions(await GetBankAsync()).ToList();

        var question = Assert.Single(questions, q => (string?)q["id"] == id);

        Assert.Equal(term.BankKind, (string?)question["kind"]);
        var options = (question["options"] as JsonArray ?? []).Select(o => (string)o!["value"]!).ToList();
        Assert.All(term.Choices, value => Assert.Contains(value, options));
        if (term.Range is var (min, max))
        {
            Assert.Equal(min, (double?)question["min"]);
            Assert.Equal(max, (double?)question["max"]);
        }
        if (term.IsRequired)
        {
            Assert.True((bool?)question["required"] == true, $"{id} should be required");
        }
    }

    private async Task<JsonObject> GetBankAsync()
    {
        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(new Uri("/api/questionnaire", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await ApiClient.ReadJsonAsync(response);
    }

    private static IEnumerable<JsonNode> Questions(JsonObject bank) =>
        bank["steps"]!.AsArray().SelectMany(s => s!["questions"]!.AsArray()).Select(q => q!);

    private static List<Term> ReadVocabulary() =>
        File.ReadLines(TestFiles.Acceptance("answer-vocabulary.md"))
            .Select(line => TableRow().Match(line))
            .Where(m => m.Success)
            .Select(m => new Term(m.Groups[1].Value, m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim()))
            .ToList();

    /// <summary>| `id` | kind | values |</summary>
    [GeneratedRegex(@"^\|\s*`([a-z0-9_]+)`\s*\|([^|]*)\|(.*)\|\s*$")]
    private static partial Regex TableRow();

    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"(\d+)\s*[–-]\s*(\d+)")]
    private static partial Regex RangeText();
}
