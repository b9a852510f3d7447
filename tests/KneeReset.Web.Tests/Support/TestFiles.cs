namespace KneeReset.Web.Tests;

/// <summary>Files the tests read: Data/ is copied beside the test assembly.</summary>
public static class TestFiles
{
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>The repository's content/ folder, found by walking up to the folder holding KneeReset.sln.</summary>
    public static string RepositoryContentFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KneeReset.sln")))
            {
                return Path.Combine(dir.FullName, "content");
            }
        }
        throw new DirectoryNotFoundException($"No KneeReset.sln above {AppContext.BaseDirectory}.");
    }
}
