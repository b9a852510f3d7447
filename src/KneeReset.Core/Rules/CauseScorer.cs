using KneeReset.Core.Questionnaire;

namespace KneeReset.Core.Rules;

/// <summary>
/// Scores one cause: the signals that hold, added up group by group. Where it hurts counts
/// its strongest signal; a group may be capped, and training load never adds more than the
/// location's support, because load explains why now, not where.
/// </summary>
/// <param name="clearLocationElsewhere">The strongest clear location support (see <see cref="SignalGroup.Clear"/>) of any other cause, or 0.</param>
internal sealed class CauseScorer(RuleSet rules, CauseRules cause, Func<string, AnswerValue?> fact, Answers given, double clearLocationElsewhere)
{
    /// <summary>How strongly where it hurts supports a cause: its strongest location signal that holds, or 0.</summary>
    public static double LocationSupport(RuleSet rules, CauseRules cause, Func<string, AnswerValue?> fact) =>
        cause.Signals.Where(s => rules.Groups.TryGetValue(s.Group, out var g) && g.Locates && s.Weight > 0 && s.When.Holds(fact))
            .Select(s => s.Weight).DefaultIfEmpty(0).Max();

    public CauseScore Score()
    {
        var fired = cause.Signals.Where(s => s.When.Holds(fact)).ToList();
        var locationSupport = LocationSupport(rules, cause, fact);
        var evidence = new List<Evidence>();
        var notes = new List<string>();
        double total = 0;
        foreach (var group in fired.GroupBy(s => s.Group))
        {
            var policy = Group(group.First());
            var raw = policy.Locates ? group.Max(s => s.Weight) : group.Sum(s => s.Weight);
            var limit = Math.Min(cause.Caps.GetValueOrDefault(group.Key, double.PositiveInfinity), policy.CappedByLocation ? locationSupport : double.PositiveInfinity);
            var besideClear = policy.BesideClearLocation is { } most && clearLocationElsewhere > locationSupport;
            if (besideClear)
            {
                limit = Math.Min(limit, policy.BesideClearLocation!.Value);
            }
            var counted = Math.Min(raw, limit);
            if (raw > 0 && counted <= 0)
            {
                // Evidence that cannot count for this cause is left out, not shown as support.
                notes.Add($"{policy.Title}: not counted, because where it hurts doesn't fit this cause.");
                continue;
            }
            if (counted < raw)
            {
                notes.Add(besideClear && counted == policy.BesideClearLocation
                    ? $"{policy.Title}: counted up to {Format(counted)} of {Format(raw)} points, because where it hurts clearly fits another cause."
                    : $"{policy.Title}: counted up to {Format(counted)} of {Format(raw)} points.");
            }
            total += counted;
            // Only the strongest location counts, so only it is shown as support; the others are named in a note.
            var shown = policy.Locates ? group.OrderByDescending(s => s.Weight).Take(1).ToList() : group.ToList();
            foreach (var unshown in group.Except(shown))
            {
                notes.Add($"{policy.Title}: also fits, not counted (only the strongest spot counts): {Fill(unshown.Evidence)}.");
            }
            evidence.AddRange(shown.Select(s => new Evidence(Fill(s.Evidence), s.Weight, Cited(s.When))));
        }
        var score = Math.Round(Math.Max(0, total), 1);
        var located = locationSupport > 0;
        var band = rules.Bands.For(score);
        if (!located && band == Band.Likely)
        {
            band = Band.Possible;
            notes.Add("At most possible: where it hurts doesn't fit this cause.");
        }
        return new CauseScore(cause.Id, score, band, evidence, located, notes);
    }

    private SignalGroup Group(Signal signal) =>
        rules.Groups.TryGetValue(signal.Group, out var group)
            ? group
            : throw new InvalidOperationException($"Signal group '{signal.Group}' of cause '{cause.Id}' is not defined.");

    /// <summary>The runner's answers a condition rests on: derived facts name the answers they come from.</summary>
    private string[] Cited(Condition condition) =>
        condition.Facts()
            .SelectMany(f => AssessmentRules.DerivedFactSources.TryGetValue(f, out var sources) ? sources : [f])
            .Where(id => given[id] is not null)
            .Distinct()
            .ToArray();

    /// <summary>Fills "{fact}" placeholders in evidence text with the runner's own figures (a percentage with its sign).</summary>
    private string Fill(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf('}', start);
        if (end < 0)
        {
            return text;
        }
        var name = text[(start + 1)..end];
        var value = fact(name) is { } given
            ? given.Number is { } n && name.EndsWith(Percent.FactSuffix, StringComparison.Ordinal) ? Percent.Text(n) : given.ToString()
            : "?";
        return Fill(text[..start] + value + text[(end + 1)..]);
    }

    private static string Format(double points) => points.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
