namespace KneeReset.Web.Data;

/// <summary>
/// `dotnet KneeReset.Web.dll migrate`: checks the configuration, applies the migrations and seeds
/// (under the startup lock, as a starting instance does), prints what it applied and exits
/// without serving. The upgrade's first step, run once before the instances are restarted.
/// </summary>
public static class MigrateCommand
{
    public static bool IsMigrateCommand(string[] args) => args is ["migrate", ..];

    public static async Task<int> ReportAsync(IReadOnlyList<string> applied, TextWriter output)
    {
        if (applied.Count == 0)
        {
            await output.WriteLineAsync("The database is up to date: no migrations to apply.");
            return 0;
        }
        await output.WriteLineAsync($"Applied {applied.Count} migration(s):");
        foreach (var migration in applied)
        {
            await output.WriteLineAsync($"  {migration}");
        }
        return 0;
    }
}
