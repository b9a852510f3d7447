using System.Text.Json.Nodes;

namespace KneeReset.Web.Infrastructure;

/// <summary>One field that differs between two saved states.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// Field-by-field differences between two JSON documents, named by path ("steps[2].reps"): what
/// changed between two revisions of a routine, or in a plan since the runner last saw it.
/// </summary>
public static class FieldDiff
{
    public static IReadOnlyList<FieldChange> Compare(string before, string after)
    {
        var a = Flatten(JsonNode.Parse(before));
        var b = Flatten(JsonNode.Parse(after));
        return a.Keys.Union(b.Keys)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, a.GetValueOrDefault(k), b.GetValueOrDefault(k)))
            .ToList();
    }

    private static Dictionary<string, string> Flatten(JsonNode? node, string path = "")
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    foreach (var pair in Flatten(value, path.Length == 0 ? key : $"{path}.{key}"))
                    {
                        result[pair.Key] = pair.Value;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var pair in Flatten(array[i], $"{path}[{i + 1}]"))
                    {
                        result[pair.Key] = pair.Value;
                    }
                }
                break;
            case null:
                break;
            default:
                result[path] = node.ToString();
                break;
        }
        return result;
    }
}
