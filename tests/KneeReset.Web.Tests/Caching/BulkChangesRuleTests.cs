using System.Text.RegularExpressions;
using KneeReset.Web.Caching;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// Bulk statements skip EF's save interceptors, so one sent around <see cref="BulkChanges"/> would
/// change rows without forgetting what is kept of them (issue 24: Retention evicted by hand). The
/// app's source holds every ExecuteUpdate, ExecuteDelete and raw SQL statement to that.
/// </summary>
public sealed partial class BulkChangesRuleTests
{
    /// <summary>Where a bulk statement may be written, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Caching/BulkChanges.cs"] = "the one helper, which forgets what it changed",
        ["Data/SqliteTuning.cs"] = "a PRAGMA: the file's settings, not rows",
    };

    [Fact]
    public void Every_bulk_statement_goes_through_BulkChanges()
    {
        var app = Path.Combine(RepositoryRoot(), "src", "KneeReset.Web");
        var found = Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(app, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .Where(f => BulkStatement().IsMatch(File.ReadAllText(Path.Combine(app, f))))
            .ToList();

        Assert.NotEmpty(found); // the scan sees the helper itself
        Assert.All(found, f => Assert.True(Allowed.ContainsKey(f), $"{f} sends a bulk statement itself: use BulkChanges, so the caches forget what it changes."));
    }

    [GeneratedRegex(@"\.(ExecuteUpdate|ExecuteDelete|ExecuteSql)\w*\s*\(")]
    private static partial Regex BulkStatement();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KneeReset.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("KneeReset.sln not found above the test's folder.");
    }
}
