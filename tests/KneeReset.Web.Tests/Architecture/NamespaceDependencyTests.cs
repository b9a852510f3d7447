using System.Text.RegularExpressions;

namespace KneeReset.Web.Tests.Architecture;

/// <summary>
/// The app's namespaces depend on each other one way only: a slice that a lower one names back
/// (the cache naming a page, the content naming the follow-up) is a cycle, and a newcomer can no
/// longer read either alone. Read from the source, as a reader would: each file's namespace, its
/// usings and any fully qualified name.
/// </summary>
public partial class NamespaceDependencyTests
{
    [Fact]
    public void The_apps_namespaces_form_no_cycle()
    {
        var graph = DependencyGraph(Path.Combine(TestFiles.RepositoryRoot(), "src", "KneeReset.Web"));

        var cycles = Cycles(graph).Select(c => string.Join(" → ", c.Append(c[0]))).ToList();

        Assert.True(graph.Count > 10, "the source was not found");
        Assert.True(cycles.Count == 0, "Namespaces that depend on each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void A_cycle_is_found_where_there_is_one()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        var cycle = Assert.Single(Cycles(graph));

        Assert.Equal(["A", "B", "C"], cycle.Order());
    }

    /// <summary>Each namespace of the app and the app namespaces its files name.</summary>
    private static Dictionary<string, HashSet<string>> DependencyGraph(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Select(text => (Namespace: NamespaceLine().Match(text), Text: text))
            .Where(f => f.Namespace.Success)
            .Select(f => (Namespace: f.Namespace.Groups[1].Value, Body: NamespaceLine().Replace(f.Text, "")))
            .ToList();
        var known = files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);
        var graph = known.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (name, body) in files)
        {
            var named = UsingLine().Matches(body).Select(m => m.Groups[1].Value)
                .Concat(QualifiedName().Matches(body).Select(m => m.Value))
                .Select(n => LongestKnownPrefix(n, known))
                .OfType<string>()
                .Where(n => n != name);
            graph[name].UnionWith(named);
        }
        return graph;
    }

    private static string? LongestKnownPrefix(string name, HashSet<string> known)
    {
        for (var candidate = name; candidate.Contains('.', StringComparison.Ordinal); candidate = candidate[..candidate.LastIndexOf('.')])
        {
            if (known.Contains(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The strongly connected parts of more than one namespace (Tarjan's algorithm).</summary>
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var found = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }
            if (low[node] == index[node])
            {
                var part = new List<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    part.Add(popped);
                }
                while (popped != node);
                if (part.Count > 1)
                {
                    found.Add([.. part.AsEnumerable().Reverse()]);
                }
            }
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal).Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return found;
    }

    [GeneratedRegex(@"^namespace (KneeReset\.Web[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (KneeReset\.Web[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\bKneeReset\.Web(\.\w+)+")]
    private static partial Regex QualifiedName();
}
