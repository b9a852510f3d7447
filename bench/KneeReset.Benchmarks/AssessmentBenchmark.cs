using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.Rules;
using KneeReset.Web.Assessments;

namespace KneeReset.Benchmarks;

/// <summary>
/// The pieces of POST /api/assessments and of a result page that issue 12 changed: validating the
/// answers (building the validator each time, as before, or reusing the built one) and reading a
/// stored result back (what a result page costs when it is not in the output cache).
/// </summary>
[MemoryDiagnoser]
public class AssessmentBenchmark
{
    private QuestionBank _bank = null!;
    private Question[] _questions = null!;
    private AnswersValidatorCache _validators = null!;
    private Answers _answers = null!;
    private string _storedAnswers = null!;
    private string _storedResult = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = Path.Combine(AppContext.BaseDirectory, "content");
        _bank = ContentJson.ReadQuestionBank(content);
        _questions = [.. _bank.Questions];
        _validators = new AnswersValidatorCache();
        using var document = JsonDocument.Parse("""
            {"age": 24, "side": "one", "location": ["below_kneecap"], "onset": "gradual", "duration_weeks": 4, "character": "dull_ache",
             "timing": ["start_of_run_then_eases", "after_run", "morning_stiffness"], "aggravators": ["uphill", "jumping"], "worst_pain": 5,
             "weekly_km_now": 45, "weekly_km_month_ago": 20, "longest_run_km_recent": 16, "longest_run_km_month_before": 12, "shoe_km": 600,
             "training_changes": ["mileage_spike", "added_hills", "added_speed_work"], "form": ["overstriding"],
             "single_leg_squat_knee_caves": true, "hip_flexors_tight": false, "knee_to_wall_cm": 9, "red_flags": []}
            """);
        _answers = AnswerReader.FromJson(document.RootElement, _bank).Answers;
        var result = new AssessmentRules(ContentJson.ReadRuleSet(content)).Evaluate(_answers);
        _storedAnswers = AnswerReader.ToJson(_answers, _bank).ToJsonString();
        _storedResult = JsonSerializer.Serialize(new AssessmentOutcome(result, []), ContentJson.Options);
    }

    [Benchmark(Baseline = true)]
    public bool ValidateBuildingTheValidator() => new AnswersValidator(_questions).Validate(_answers).IsValid;

    [Benchmark]
    public bool ValidateWithTheBuiltValidator() => _validators.For(_questions).Validate(_answers).IsValid;

    [Benchmark]
    public int ReadStoredResult() =>
        (AnswerReader.FromStoredJson(_storedAnswers, _bank).Number("worst_pain") is null ? 0 : 1) + JsonSerializer.Deserialize<AssessmentOutcome>(_storedResult, ContentJson.Options)!.Result.Causes.Count;
}
