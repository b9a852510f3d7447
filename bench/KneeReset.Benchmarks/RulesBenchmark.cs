using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;

namespace KneeReset.Benchmarks;

/// <summary>One rules evaluation: a typical full questionnaire and an urgent short one.</summary>
[MemoryDiagnoser]
public class RulesBenchmark
{
    private AssessmentRules _rules = null!;
    private Answers _full = null!;
    private Answers _urgent = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = Path.Combine(AppContext.BaseDirectory, "content");
        var bank = ContentJson.ReadQuestionBank(content);
        _rules = new AssessmentRules(ContentJson.ReadRuleSet(content));
        _full = Read(bank, """
            {"age": 24, "side": "one", "location": ["below_kneecap"], "onset": "gradual", "duration_weeks": 4, "character": "dull_ache",
             "timing": ["start_of_run_then_eases", "after_run", "morning_stiffness"], "aggravators": ["uphill", "jumping"], "worst_pain": 5,
             "weekly_km_now": 45, "weekly_km_month_ago": 20, "longest_run_km_recent": 16, "longest_run_km_month_before": 12, "shoe_km": 600,
             "training_changes": ["mileage_spike", "added_hills", "added_speed_work"], "form": ["overstriding"],
             "single_leg_squat_knee_caves": true, "hip_flexors_tight": false, "knee_to_wall_cm": 9, "red_flags": []}
            """);
        _urgent = Read(bank, """{"location": ["whole_knee"], "onset": "sudden_injury", "worst_pain": 8, "red_flags": ["felt_pop", "rapid_swelling"]}""");
    }

    private static Answers Read(QuestionBank bank, string json)
    {
        using var document = JsonDocument.Parse(json);
        return AnswerReader.FromJson(document.RootElement, bank).Answers;
    }

    [Benchmark(Baseline = true)]
    public AssessmentResult FullQuestionnaire() => _rules.Evaluate(_full);

    [Benchmark]
    public AssessmentResult UrgentInjury() => _rules.Evaluate(_urgent);
}
