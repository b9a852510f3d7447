using KneeReset.Core;
using KneeReset.Core.Matching;
using KneeReset.Core.Outcomes;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Recovery;
using KneeReset.Core.ReturnToRun;
using KneeReset.Core.Rules;

namespace KneeReset.Web.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder with questionnaire.json, rules.json, causes.json, library.json, words.json, pain-model.json, return-to-run.json, calendar.json, outcome-measures.json, exercises/ and routines/. Defaults to the copy beside the app.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "content");
}

/// <summary>The read-only content loaded once at start: question bank, rule set, cause guide, the library's words, the rule set's words, the pain model and the return-to-running ladder.</summary>
public sealed class ContentCatalog
{
    public ContentCatalog(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Content folder '{path}' is missing; set Content:Path.");
        }
        Path = path;
        Questions = ContentJson.ReadQuestionBank(path);
        Rules = new AssessmentRules(ContentJson.ReadRuleSet(path));
        Causes = ContentJson.Read<CauseGuide>(System.IO.Path.Combine(path, "causes.json"));
        LibraryWords = LibraryWords.Read(path, Causes, Rules.RuleSet);
        Words = RuleWords.Read(path, Rules.RuleSet);
        Pain = new PainMonitor(ContentJson.ReadPainModel(path, Rules.RuleSet), Rules.RuleSet);
        Ladder = new LadderMonitor(ContentJson.ReadRunLadder(path, Rules.RuleSet, Pain.Model), Pain.Model, Rules.RuleSet);
        Calendar = CalendarContent.Read(path);
        Outcomes = ContentJson.ReadOutcomeMeasures(path);
    }

    public string Path { get; }
    public QuestionBank Questions { get; }
    public AssessmentRules Rules { get; }
    public CauseGuide Causes { get; }
    public LibraryWords LibraryWords { get; }
    public RuleWords Words { get; }
    /// <summary>The pain-monitoring model in time (content/pain-model.json) that advises on logged sessions.</summary>
    public PainMonitor Pain { get; }
    /// <summary>The return-to-running ladder (content/return-to-run.json) that advises on logged runs.</summary>
    public LadderMonitor Ladder { get; }
    /// <summary>The calendar feed's words and how far ahead it shows runs (content/calendar.json).</summary>
    public CalendarContent Calendar { get; }
    /// <summary>The weekly check-in's questions and change thresholds (content/outcome-measures.json).</summary>
    public OutcomeMeasures Outcomes { get; }

    public string CauseName(string id) => Causes.Find(id)?.Name ?? id;
}

/// <summary>What each cause is and what helps, in the studio's words (content/causes.json).</summary>
public sealed class CauseGuide
{
    public required IReadOnlyList<CauseInfo> Causes { get; init; }
    /// <summary>Every tip, springy ones included: runners read <see cref="TipsFor"/>.</summary>
    public required IReadOnlyList<PreventionTip> PreventionTips { get; init; }
    public required string NotADiagnosis { get; init; }
    public required string RestNote { get; init; }

    public CauseInfo? Find(string id) => Causes.FirstOrDefault(c => c.Id == id);

    /// <summary>The prevention tips for this result: none that recommends springy work while the tendon is in play.</summary>
    public IReadOnlyList<string> TipsFor(AssessmentResult result) =>
        TendonSafety.Keep(result, PreventionTips, t => t.Springy).Select(t => t.Text).ToList();
}

/// <param name="Springy">Recommends springy work (skips, hops, jumps): never shown while a tendon is in play.</param>
public sealed record PreventionTip(string Text, bool Springy = false);

public sealed class CauseInfo
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string WhereItHurts { get; init; }
    public required string WhatItIs { get; init; }
    public required string WhyItHappens { get; init; }
    public required IReadOnlyList<string> WhatHelps { get; init; }
    public required string WhenToGetHelp { get; init; }
}
