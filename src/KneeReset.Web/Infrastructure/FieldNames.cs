using System.Text;
using System.Text.RegularExpressions;

namespace KneeReset.Web.Infrastructure;

/// <summary>
/// A field path as staff read it: "steps[1].holdSeconds" is "Step 1 › Hold seconds". The paths
/// (<see cref="FieldDiff"/>) stay in the stored revisions; only what a page shows is worded.
/// </summary>
public static partial class FieldNames
{
    public static string Describe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var indexed = Indexed().Match(part);
            // A list item is named in the singular with its number: "steps[2]" is "Step 2".
            return indexed.Success
                ? $"{Words(Singular(indexed.Groups["name"].Value))} {indexed.Groups["index"].Value}"
                : Words(part);
        });
        return string.Join(" › ", parts);
    }

    /// <summary>A revision's stored summary ("title, steps[1].sets", or "created") in the same words.</summary>
    public static string DescribeList(string summary) =>
        summary == "created" ? "Created" : string.Join(", ", (summary ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(Describe));

    /// <summary>"sign in throttled" is "Sign in throttled".</summary>
    public static string Sentence(string words) =>
        string.IsNullOrEmpty(words) ? words : char.ToUpperInvariant(words[0]) + words[1..];

    /// <summary>"holdSeconds" is "Hold seconds".</summary>
    private static string Words(string camel)
    {
        var text = new StringBuilder();
        foreach (var c in camel)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(text.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string Singular(string plural) => plural.EndsWith('s') ? plural[..^1] : plural;

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)\[(?<index>\d+)\]$")]
    private static partial Regex Indexed();
}
