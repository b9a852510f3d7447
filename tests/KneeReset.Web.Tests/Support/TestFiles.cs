namespace KneeReset.Web.Tests;

/// <summary>Files the tests read: the acceptance data (tests/Acceptance, copied beside the test assembly) and the repository content.</summary>
public static class TestFiles
{
    public static string Acceptance(string name) => Path.Combine(AppContext.BaseDirectory, "Acceptance", name);

    /// <summary>The repository's content/ folder.</summary>
    public static string RepositoryContentFolder() => Path.Combine(RepositoryRoot(), "content");

    /// <summary>The repository, found by walking up to the folder holding KneeReset.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KneeReset.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No KneeReset.sln above {AppContext.BaseDirectory}.");
    }
}
