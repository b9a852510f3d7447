using System.Globalization;
using KneeReset.Core.Questionnaire;
using KneeReset.Core.TrainingImport;

namespace KneeReset.Core.Rules;

/// <summary>
/// Maps answers to ranked causes, findings and triage using a <see cref="RuleSet"/>.
/// Pure and deterministic: no I/O, no clock, no randomness.
/// </summary>
public sealed class AssessmentRules(RuleSet rules)
{
    public RuleSet RuleSet { get; } = rules;

    /// <param name="imported">What the runner's own training files showed, when they added any.</param>
    public AssessmentResult Evaluate(Answers answers, TrainingSummary? imported = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var load = TrainingLoad.From(answers);
        var derived = DerivedFacts(answers, load, imported);
        AnswerValue? Fact(string id) => answers[id] ?? derived.GetValueOrDefault(id);

        // A clear location for one cause limits how much form may add to another (see SignalGroup.BesideClearLocation).
        var clear = RuleSet.Groups.Values.Where(g => g.Locates).Select(g => g.Clear).OfType<double>().DefaultIfEmpty(double.PositiveInfinity).Min();
        var support = RuleSet.Causes.Select(c => CauseScorer.LocationSupport(RuleSet, c, Fact)).ToList();
        double ClearElsewhere(int index) => support.Where((s, i) => i != index && s >= clear).DefaultIfEmpty(0).Max();

        // No pain at all: the answers describe risks to work on, not a cause, so no cause is banded above unlikely.
        var prevention = RuleSet.Prevention?.When.Holds(Fact) == true;

        // Where it hurts comes first: a cause the location supports always ranks above one it doesn't.
        var causes = RuleSet.Causes
            .Select((cause, order) => (Score: new CauseScorer(RuleSet, cause, Fact, answers, ClearElsewhere(order)).Score(), order))
            .OrderByDescending(c => c.Score.Located)
            .ThenByDescending(c => c.Score.Score)
            .ThenBy(c => c.order)
            .Select(c => prevention ? AsPrevention(c.Score) : c.Score)
            .ToList();

        // The picture must fit a cause at least "possible", where it hurts, before it is named; otherwise say so.
        var best = causes.FirstOrDefault(c => c.Located && c.Band != Band.Unlikely);
        derived["top_cause"] = AnswerValue.Of(best?.Cause ?? "none");
        derived["top_cause_band"] = AnswerValue.Of(Vocabulary.Word(best?.Band ?? Band.Unlikely));

        var findings = RuleSet.Findings
            .Where(f => f.When.Holds(Fact))
            .Select(f => new Finding(f.Id, f.Text))
            .ToList();

        var reasons = RuleSet.Triage
            .Where(t => t.When.Holds(Fact))
            .Select(t => new TriageReason(t.Id, t.Level, t.Reason, t.TimeFrame))
            .OrderByDescending(r => r.Level)
            .ThenByDescending(r => r.TimeFrame)
            .ToList();
        var triage = reasons.Count > 0 ? reasons[0].Level : Triage.SelfCare;
        // The most urgent time frame of the rules that held: one rule asking for today wins over any number asking for a week or two.
        var timeFrame = reasons.Count > 0 ? reasons.Max(r => r.TimeFrame) : null;
        // A rule that points away from the four overuse causes (night pain in a teenager, a growing knee, an injury) names none of them.
        var setAside = RuleSet.Triage.Any(t => t.SetsAsideCauses && reasons.Any(r => r.Rule == t.Id));
        if (reasons.Count == 0)
        {
            reasons.Add(prevention
                ? new TriageReason("prevention", Triage.SelfCare, RuleSet.Prevention!.Text)
                : new TriageReason("self_care", Triage.SelfCare, RuleSet.SelfCareReason));
        }

        return new AssessmentResult
        {
            RulesVersion = RuleSet.Version,
            Triage = triage,
            TriageReasons = reasons,
            TimeFrame = timeFrame,
            Prevention = prevention,
            CausesSetAside = setAside,
            // An urgent red flag decides the outcome: no overuse cause is put forward as the answer.
            TopCause = triage == Triage.Urgent || setAside ? null : best?.Cause,
            Causes = causes,
            Findings = findings,
            TrainingLoad = load,
        };
    }

    /// <summary>A pain-free runner's cause scores stay for the clinical view, but none is banded as a cause of pain.</summary>
    private static CauseScore AsPrevention(CauseScore score) =>
        score.Band == Band.Unlikely
            ? score
            : score with
            {
                Band = Band.Unlikely,
                Notes = [.. score.Notes ?? [], "No pain now: these answers are risks to work on, not the cause of any pain."],
            };

    /// <summary>Facts computed from the answers, readable by conditions like any answer.</summary>
    private static Dictionary<string, AnswerValue> DerivedFacts(Answers answers, TrainingLoad load, TrainingSummary? imported)
    {
        var derived = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        if (load.WeeklyIncreasePercent is { } weekly)
        {
            derived["weekly_km_increase_percent"] = AnswerValue.Of(weekly);
        }
        if (load.LongestRunIncreasePercent is { } longest)
        {
            derived["longest_run_increase_percent"] = AnswerValue.Of(longest);
        }
        if (load.WeeklyFromNothing)
        {
            derived["weekly_km_from_nothing"] = AnswerValue.Of(true);
        }
        if (load.LongestRunFromNothing)
        {
            derived["longest_run_from_nothing"] = AnswerValue.Of(true);
        }
        if (answers["location"] is { } location)
        {
            derived["location_count"] = AnswerValue.Of(location.Choices.Count);
        }
        // The imported spike stands for the longest-run answers the import filled in: a runner who
        // cleared them is not judged on the files either, so the evidence always rests on an answer.
        if (imported?.RecentSpike() is { } spike && answers["longest_run_km_recent"] is not null)
        {
            derived["imported_spike_km"] = AnswerValue.Of(spike.Km);
            derived["imported_spike_date"] = AnswerValue.Of(spike.Date.ToString("d MMMM", CultureInfo.InvariantCulture));
            if (spike.IncreasePercent is { } percent)
            {
                derived["imported_spike_percent"] = AnswerValue.Of(percent);
            }
            else
            {
                derived["imported_spike_from_nothing"] = AnswerValue.Of(true);
            }
        }
        return derived;
    }

    /// <summary>The fact ids the rules compute themselves, and the answers each is computed from.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DerivedFactSources { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["weekly_km_increase_percent"] = ["weekly_km_now", "weekly_km_month_ago"],
        ["weekly_km_from_nothing"] = ["weekly_km_now", "weekly_km_month_ago"],
        ["longest_run_increase_percent"] = ["longest_run_km_recent", "longest_run_km_month_before"],
        ["longest_run_from_nothing"] = ["longest_run_km_recent", "longest_run_km_month_before"],
        ["location_count"] = ["location"],
        // The largest spike of the last four weeks in the runner's imported runs (see TrainingSummary.RecentSpike).
        ["imported_spike_km"] = ["longest_run_km_recent", "longest_run_km_month_before"],
        ["imported_spike_date"] = ["longest_run_km_recent", "longest_run_km_month_before"],
        ["imported_spike_percent"] = ["longest_run_km_recent", "longest_run_km_month_before"],
        ["imported_spike_from_nothing"] = ["longest_run_km_recent", "longest_run_km_month_before"],
        ["top_cause"] = [],
        ["top_cause_band"] = [],
    };

    /// <summary>The fact ids the rules compute themselves (not answers).</summary>
    public static IReadOnlySet<string> DerivedFactIds { get; } = DerivedFactSources.Keys.ToHashSet(StringComparer.Ordinal);
}
