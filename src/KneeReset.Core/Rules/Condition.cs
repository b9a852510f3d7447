using KneeReset.Core.Questionnaire;

namespace KneeReset.Core.Rules;

/// <summary>
/// A test on the facts, written in the content files. Either a combinator (all, any, not)
/// or a test on one fact. A fact that is unknown (unanswered) never satisfies a test, so
/// the rules never guess.
/// </summary>
public sealed class Condition
{
    public IReadOnlyList<Condition>? All { get; init; }
    public IReadOnlyList<Condition>? Any { get; init; }
    public Condition? Not { get; init; }

    public string? Fact { get; init; }
    /// <summary>The fact's chosen values include this one.</summary>
    public string? Has { get; init; }
    /// <summary>The fact's chosen values include at least one of these.</summary>
    public IReadOnlyList<string>? HasAny { get; init; }
    /// <summary>A yes/no fact equals this.</summary>
    public bool? Is { get; init; }
    public double? Lt { get; init; }
    public double? Lte { get; init; }
    public double? Gt { get; init; }
    public double? Gte { get; init; }
    /// <summary>The fact is known (true) or unknown (false).</summary>
    public bool? Answered { get; init; }

    public bool Holds(Func<string, AnswerValue?> facts)
    {
        if (All is not null)
        {
            return All.All(c => c.Holds(facts));
        }
        if (Any is not null)
        {
            return Any.Any(c => c.Holds(facts));
        }
        if (Not is not null)
        {
            return !Not.Holds(facts);
        }
        if (Fact is null)
        {
            throw new InvalidOperationException("A condition needs a fact, or all / any / not.");
        }

        var value = facts(Fact);
        if (Answered is { } answered)
        {
            return answered == (value is not null);
        }
        if (value is null)
        {
            return false;
        }
        if (Has is not null)
        {
            return value.Has(Has);
        }
        if (HasAny is not null)
        {
            return HasAny.Any(value.Has);
        }
        if (Is is { } expected)
        {
            return value.Flag == expected;
        }
        if (value.Number is not { } n)
        {
            return false;
        }
        return (Lt is null || n < Lt) && (Lte is null || n <= Lte) && (Gt is null || n > Gt) && (Gte is null || n >= Gte);
    }

    /// <summary>Every fact id the condition reads, for checking a rule set against the vocabulary.</summary>
    public IEnumerable<string> Facts() =>
        (All ?? []).Concat(Any ?? []).Concat(Not is null ? [] : [Not]).SelectMany(c => c.Facts())
            .Concat(Fact is null ? [] : [Fact]);

    /// <summary>Every value the condition compares against, for checking a rule set against the vocabulary.</summary>
    public IEnumerable<(string Fact, string Value)> Values() =>
        (All ?? []).Concat(Any ?? []).Concat(Not is null ? [] : [Not]).SelectMany(c => c.Values())
            .Concat(Fact is null ? [] : (HasAny ?? []).Concat(Has is null ? [] : [Has]).Select(v => (Fact, v)));
}
