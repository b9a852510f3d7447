using System.Diagnostics;
using System.Net;
using Npgsql;

namespace KneeReset.Web.Tests.Data;

/// <summary>
/// The backups docs/deploy.md gives restore into a working store: a result and a routine made
/// in a running app are backed up with the documented commands (sqlite3 .backup; pg_dump and
/// pg_restore into a new database), and a second app on the restored copy serves them unchanged.
/// </summary>
public sealed class BackupRestoreTests
{
    [ToolFact("sqlite3")]
    public async Task A_sqlite_online_backup_restores_into_a_working_store()
    {
        using var original = new SqliteTestDatabase();
        using var restored = new SqliteTestDatabase();

        await BackUpAndRestoreAsync(original, restored, () => RunAsync("sqlite3", original.File, $".backup '{restored.File}'"));
    }

    [PostgresFact]
    public async Task A_pg_dump_restores_into_a_fresh_database()
    {
        using var original = new PostgresTestDatabase();
        using var restored = new PostgresTestDatabase();
        var dump = Path.Combine(Path.GetTempPath(), $"kneereset-{Guid.NewGuid():N}.dump");
        try
        {
            await BackUpAndRestoreAsync(original, restored, async () =>
            {
                await RunAsync("pg_dump", [.. Connection(original), "--format=custom", $"--file={dump}"]);
                await RunAsync("pg_restore", [.. Connection(restored), "--no-owner", dump]);
            });
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>Makes a result and a routine on <paramref name="original"/>, runs <paramref name="backUp"/> while that app runs, then reads them from <paramref name="restored"/>.</summary>
    private static async Task BackUpAndRestoreAsync(TestDatabase original, TestDatabase restored, Func<Task> backUp)
    {
        string token, before, slug = TestData.NewSlug("kept");
        await using (var app = new AppOn(original))
        {
            using var runner = app.CreateBrowser();
            token = ApiClient.TokenOf(await runner.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()));
            before = (await runner.GetAssessmentAsync(token)).ToJsonString();
            await app.CreateRoutineAsync(slug, status: "published", title: "Kept through a restore");

            await backUp(); // online: the app is still running
        }

        await using var restoredApp = new AppOn(restored);
        using var client = restoredApp.CreateBrowser();
        Assert.Equal(before, (await client.GetAssessmentAsync(token)).ToJsonString());
        var routine = await client.GetAsync(new Uri($"/routines/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, routine.StatusCode);
        Assert.Contains("Kept through a restore", await routine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>libpq's options for a test database (its server trusts loopback; a password goes through PGPASSWORD).</summary>
    private static string[] Connection(PostgresTestDatabase database)
    {
        var c = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return [$"--host={c.Host}", $"--port={c.Port}", $"--username={c.Username}", $"--dbname={c.Database}"];
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (TestServices.Postgres is { } server && new NpgsqlConnectionStringBuilder(server).Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
    }

    /// <summary>An app on a store the test owns (so it outlives the app, to be backed up or restored into).</summary>
    private sealed class AppOn(TestDatabase database) : KneeResetFactory([], database);
}
