using KneeReset.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KneeReset.Web.Tests.Data;

/// <summary>
/// `migrate` applies what is pending and says what it applied, and settings are checked before the
/// store is touched (issue 28, finding 3).
/// </summary>
public sealed class MigrateCommandTests(MigrateCommandTests.InformationApp app) : IClassFixture<MigrateCommandTests.InformationApp>
{
    [Fact]
    public void Only_the_migrate_argument_is_the_command()
    {
        Assert.True(MigrateCommand.IsMigrateCommand(["migrate"]));
        Assert.False(MigrateCommand.IsMigrateCommand([]));
        Assert.False(MigrateCommand.IsMigrateCommand(["staff", "migrate"]));
    }

    [Fact]
    public async Task A_migrated_store_is_reported_up_to_date_and_the_start_says_so_in_the_log()
    {
        var applied = await app.Services.InitialiseStoreAsync();
        using var output = new StringWriter();

        var exit = await MigrateCommand.ReportAsync(applied, output);

        Assert.Empty(applied);
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output.ToString(), StringComparison.Ordinal);
        await app.Log.WaitForAsync(e => e.MessageTemplate.Text.StartsWith("The database schema is up to date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Applied_migrations_are_listed_one_a_line()
    {
        using var output = new StringWriter();

        var exit = await MigrateCommand.ReportAsync(["20260101000000_First", "20260201000000_Second"], output);

        Assert.Equal(0, exit);
        Assert.Equal(["Applied 2 migration(s):", "  20260101000000_First", "  20260201000000_Second"], output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void A_wrong_setting_fails_the_settings_check_naming_it()
    {
        var services = new ServiceCollection();
        services.AddOptions<DatabaseOptions>().Configure(o => o.Provider = "Oracle")
            .Validate(o => o.IsSqlite || o.IsPostgres, "Database:Provider must be 'Sqlite' or 'Postgres'.").ValidateOnStart();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<OptionsValidationException>(() => KneeReset.Web.Infrastructure.SettingsCheck.ValidateSettings(provider));

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
    }

    public sealed class InformationApp() : KneeResetFactory([new("Serilog:MinimumLevel:Default", "Information")]);
}
