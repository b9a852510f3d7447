using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Data;

/// <summary>The SQLite store runs in write-ahead-log mode with synchronous=NORMAL and a busy timeout on every connection (docs/performance.md).</summary>
public sealed class SqliteSettingsTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [SqliteFact]
    public async Task The_store_uses_a_write_ahead_log_normal_syncs_and_waits_for_the_writer()
    {
        app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(db, "synchronous")); // 1 = NORMAL (the default is 2, FULL)
        Assert.Equal("30000", await PragmaAsync(db, "busy_timeout"));
    }

    private static async Task<string> PragmaAsync(KneeResetDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
