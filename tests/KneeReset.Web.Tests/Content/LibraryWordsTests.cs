using System.Text.RegularExpressions;
using KneeReset.Core.Matching;
using KneeReset.Web.Areas.Staff.LibraryEditing;
using KneeReset.Web.Content;
using KneeReset.Web.Library;

namespace KneeReset.Web.Tests.Content;

/// <summary>The library's words come from content only, and they are the answer vocabulary's.</summary>
public partial class LibraryWordsTests
{
    private static readonly string ContentDir = TestFiles.RepositoryContentFolder();
    private static readonly LibraryWords Words = new ContentCatalog(ContentDir).LibraryWords;
    private static readonly string VocabularyText = File.ReadAllText(TestFiles.Acceptance("answer-vocabulary.md"));

    [Fact]
    public void Body_areas_are_the_vocabularys_routine_targets()
    {
        Assert.Equal(Outcome("body areas"), Words.BodyAreas);
    }

    [Fact]
    public void Exercise_kinds_and_the_post_run_reset_are_the_vocabularys_routine_targets()
    {
        var reset = RoutineDosage.Targets(RoutineCard.PostRunResetPhase, []);

        Assert.Equal(Outcome("exercise kinds"), Words.ExerciseKinds.Concat(reset));
        Assert.Contains(RoutineCard.PostRunResetPhase, Words.Phases);
        Assert.All(Words.GentleKinds, kind => Assert.Contains(kind, Words.ExerciseKinds));
    }

    [Fact]
    public void Causes_come_from_the_cause_guide_and_findings_from_the_rules()
    {
        var catalog = new ContentCatalog(ContentDir);

        Assert.Equal(Outcome("causes"), Words.Causes);
        Assert.Equal(catalog.Causes.Causes.Select(c => c.Id), Words.Causes);
        Assert.Equal(catalog.Rules.RuleSet.Findings.Select(f => f.Id), Words.Findings);
        Assert.Equal(["draft", "published", "archived"], Words.Statuses);
    }

    [Fact]
    public void Every_content_file_is_written_in_these_words()
    {
        var exercises = LibraryFiles.ReadExercises(ContentDir);
        var kinds = exercises.ToDictionary(e => e.Slug, e => e.Kind);
        var exerciseRules = new ExerciseFileValidator(Words);
        var routineRules = RoutineFileValidator.For(Words, kinds);

        Assert.All(exercises, e => Assert.Empty(exerciseRules.Validate(e).Errors));
        Assert.All(LibraryFiles.ReadRoutines(ContentDir), r => Assert.Empty(routineRules.Validate(r).Errors));
    }

    /// <summary>The backticked words after "<paramref name="label"/>:" in the vocabulary's outcome words, up to the next ; or .</summary>
    private static List<string> Outcome(string label)
    {
        var outcome = VocabularyText[VocabularyText.IndexOf("Outcome words", StringComparison.Ordinal)..];
        var list = Regex.Match(outcome, $@"{label}:([^;.]*)[;.]");
        Assert.True(list.Success, $"answer-vocabulary.md lists no {label}");
        return Backticked().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex Backticked();
}
