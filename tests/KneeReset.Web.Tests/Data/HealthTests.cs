using System.Net;
using KneeReset.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KneeReset.Web.Tests.Data;

public class HealthTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Healthz_returns_200()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_app_under_test_uses_the_factory_database()
    {
        // Guards the suite itself: were the connection string not overridden, the tests
        // would write into the developer's database under src/ (or a shared PostgreSQL one).
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();

        switch (factory.Database)
        {
            case SqliteTestDatabase sqlite:
                Assert.Equal(sqlite.File, new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
                Assert.True(File.Exists(sqlite.File));
                break;
            case PostgresTestDatabase postgres:
                Assert.IsType<PostgresKneeResetDbContext>(db);
                Assert.Equal(postgres.Name, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database);
                break;
            default:
                Assert.Fail($"No check for {factory.Database.GetType().Name}.");
                break;
        }
    }
}
