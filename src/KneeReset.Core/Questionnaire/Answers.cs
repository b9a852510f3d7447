using System.Globalization;

namespace KneeReset.Core.Questionnaire;

/// <summary>One answer in the vocabulary's terms: a number, a yes/no or one or more chosen values.</summary>
public sealed record AnswerValue
{
    public double? Number { get; private init; }
    public bool? Flag { get; private init; }
    public IReadOnlyList<string> Choices { get; private init; } = [];

    public static AnswerValue Of(double number) => new() { Number = number };

    public static AnswerValue Of(bool flag) => new() { Flag = flag };

    public static AnswerValue Of(params string[] choices) => new() { Choices = choices.Distinct().ToArray() };

    public static AnswerValue Of(IEnumerable<string> choices) => Of(choices.ToArray());

    public bool Has(string value) => Choices.Contains(value);

    public override string ToString() =>
        Number is { } n ? n.ToString(CultureInfo.InvariantCulture)
        : Flag is { } f ? (f ? "true" : "false")
        : string.Join(", ", Choices);

    public bool Equals(AnswerValue? other) =>
        other is not null && Number == other.Number && Flag == other.Flag && Choices.SequenceEqual(other.Choices);

    public override int GetHashCode() => HashCode.Combine(Number, Flag, Choices.Count);
}

/// <summary>A runner's answers keyed by vocabulary id. Unanswered questions are absent, never guessed.</summary>
public sealed class Answers
{
    private readonly Dictionary<string, AnswerValue> _values;

    public Answers() => _values = new(StringComparer.Ordinal);

    public Answers(IEnumerable<KeyValuePair<string, AnswerValue>> values) => _values = new(values, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, AnswerValue> Values => _values;

    public AnswerValue? this[string id] => _values.GetValueOrDefault(id);

    public double? Number(string id) => this[id]?.Number;

    public bool Has(string id, string value) => this[id]?.Has(value) ?? false;

    public void Set(string id, AnswerValue value) => _values[id] = value;

    public void Remove(string id) => _values.Remove(id);

    public Answers Copy() => new(_values);
}
