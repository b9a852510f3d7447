using KneeReset.Core.Assessment;

namespace KneeReset.Core.Rules;

/// <summary>
/// Maps answers to ranked causes, findings and triage using a <see cref="RuleSet"/>.
/// Pure and deterministic: no I/O, no clock, no randomness.
/// </summary>
public sealed class AssessmentRules(RuleSet rules)
{
    public RuleSet RuleSet { get; } = rules;

    public AssessmentResult Evaluate(Answers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var load = TrainingLoad.From(answers);
        var derived = DerivedFacts(answers, load);
        AnswerValue? Fact(string id) => answers[id] ?? derived.GetValueOrDefault(id);

        var causes = RuleSet.Causes
            .Select((cause, order) => (Score: Score(cause, Fact), order))
            .OrderByDescending(c => c.Score.Score)
            .ThenBy(c => c.order)
            .Select(c => c.Score)
            .ToList();

        // The picture must fit a cause at least "possible" before it is named; otherwise say so.
        var best = causes.FirstOrDefault(c => c.Band != Band.Unlikely);
        derived["top_cause"] = AnswerValue.Of(best?.Cause ?? "none");
        derived["top_cause_band"] = AnswerValue.Of((best?.Band ?? Band.Unlikely).ToString().ToLowerInvariant());

        var findings = RuleSet.Findings
            .Where(f => f.When.Holds(Fact))
            .Select(f => new Finding(f.Id, f.Text))
            .ToList();

        var reasons = RuleSet.Triage
            .Where(t => t.When.Holds(Fact))
            .Select(t => new TriageReason(t.Id, t.Level, t.Reason))
            .OrderByDescending(r => r.Level)
            .ToList();
        var triage = reasons.Count > 0 ? reasons[0].Level : Triage.SelfCare;
        if (reasons.Count == 0)
        {
            reasons.Add(new TriageReason("self_care", Triage.SelfCare, RuleSet.SelfCareReason));
        }

        return new AssessmentResult
        {
            RulesVersion = RuleSet.Version,
            Triage = triage,
            TriageReasons = reasons,
            // An urgent red flag decides the outcome: no overuse cause is put forward as the answer.
            TopCause = triage == Triage.Urgent ? null : best?.Cause,
            Causes = causes,
            Findings = findings,
            TrainingLoad = load,
        };
    }

    private CauseScore Score(CauseRules cause, Func<string, AnswerValue?> fact)
    {
        var evidence = cause.Signals
            .Where(s => s.When.Holds(fact))
            .Select(s => new Evidence(Fill(s.Evidence, fact), s.Weight, s.When.Facts().Distinct().ToArray()))
            .ToList();
        var score = Math.Round(Math.Max(0, evidence.Sum(e => e.Weight)), 1);
        return new CauseScore(cause.Id, score, RuleSet.Bands.For(score), evidence);
    }

    /// <summary>Fills "{fact}" placeholders in evidence text with the runner's own figures.</summary>
    private static string Fill(string text, Func<string, AnswerValue?> fact)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.IndexOf('}', start);
        if (end < 0)
        {
            return text;
        }
        var value = fact(text[(start + 1)..end])?.ToString() ?? "?";
        return Fill(text[..start] + value + text[(end + 1)..], fact);
    }

    /// <summary>Facts computed from the answers, readable by conditions like any answer.</summary>
    private static Dictionary<string, AnswerValue> DerivedFacts(Answers answers, TrainingLoad load)
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
        if (answers["location"] is { } location)
        {
            derived["location_count"] = AnswerValue.Of(location.Choices.Count);
        }
        return derived;
    }

    /// <summary>The fact ids the rules compute themselves (not answers).</summary>
    public static IReadOnlySet<string> DerivedFactIds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "weekly_km_increase_percent", "longest_run_increase_percent", "location_count", "top_cause", "top_cause_band",
    };
}
