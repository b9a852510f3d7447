using KneeReset.Core;
using KneeReset.Core.Rules;
using KneeReset.Web.Content;

namespace KneeReset.Web.Tests.Content;

/// <summary>Every code of the rule set a person may read has words in content/words.json, checked on start.</summary>
public sealed class RuleWordsTests : IDisposable
{
    private static readonly string ContentDir = TestFiles.RepositoryContentFolder();
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"kneereset-words-{Guid.NewGuid():N}");

    [Fact]
    public void The_shipped_words_name_every_level_band_triage_rule_and_finding()
    {
        var rules = ContentJson.ReadRuleSet(ContentDir);
        var words = RuleWords.Read(ContentDir, rules);

        Assert.All(Enum.GetValues<Triage>(), t => Assert.False(string.IsNullOrWhiteSpace(words.Level(t))));
        Assert.All(Enum.GetValues<Band>(), b => Assert.False(string.IsNullOrWhiteSpace(words.Band(b))));
        Assert.All(rules.Triage, t => Assert.NotEqual(t.Id, words.Rule(t.Id)));
        Assert.All(rules.Findings, f => Assert.NotEqual(f.Id, words.Finding(f.Id)));
    }

    [Fact]
    public void A_triage_rule_without_words_stops_the_content_loading_and_says_which()
    {
        Directory.CreateDirectory(_copy);
        var rules = ContentJson.ReadRuleSet(ContentDir);
        var text = File.ReadAllText(Path.Combine(ContentDir, "words.json"));
        File.WriteAllText(Path.Combine(_copy, "words.json"), text.Replace("\"nerve\":", "\"nerve_renamed\":", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => RuleWords.Read(_copy, rules));

        Assert.Contains("triageRules.nerve", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }
}
