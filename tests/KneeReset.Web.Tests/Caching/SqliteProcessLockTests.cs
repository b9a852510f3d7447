using KneeReset.Web.Caching;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// On SQLite the caches in memory assume one process serves the file: a second one stops at start
/// with a message that says why and what to do, while apps on files of their own start as before
/// (issue 24, finding 1).
/// </summary>
public sealed class SqliteProcessLockTests
{
    [SqliteFact]
    public async Task A_second_app_on_the_same_sqlite_file_stops_at_start_saying_why()
    {
        using var database = new SqliteTestDatabase();
        await using (var first = new AppOn(database))
        {
            using var client = first.CreateClient();
            await using var second = new AppOn(database);

            var error = Assert.ThrowsAny<Exception>(() => second.CreateClient());

            var message = error.ToString();
            Assert.Contains($"Another KneeReset process is already serving the SQLite database {database.File}", message, StringComparison.Ordinal);
            Assert.Contains("use PostgreSQL for several instances", message, StringComparison.Ordinal);
            // The first is not disturbed.
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        }

        // Once the first has stopped, the file is free again.
        await using var next = new AppOn(database);
        using var again = next.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await again.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode);
        Assert.True(File.Exists(database.File + SqliteProcessLock.Suffix));
    }

    [SqliteFact]
    public async Task Apps_on_sqlite_files_of_their_own_start_side_by_side()
    {
        await using var a = new KneeResetFactory();
        await using var b = new KneeResetFactory();

        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await clientA.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await clientB.GetAsync(new Uri("/healthz/live", UriKind.Relative))).StatusCode);
    }

    /// <summary>An app on a store the test owns, so two apps can share it.</summary>
    private sealed class AppOn(TestDatabase database) : KneeResetFactory([], database);
}
