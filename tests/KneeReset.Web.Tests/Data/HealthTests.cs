using System.Net;
using KneeReset.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Data;

[Collection(SharedApp.Name)]
public class HealthTests(KneeResetFactory factory)
{
    [Fact]
    public async Task Healthz_returns_200()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void The_app_under_test_uses_the_factory_database_file()
    {
        // Guards the suite itself: were the connection string not overridden, the tests
        // would write into the developer's database under src/.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();

        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

        Assert.Equal(factory.DatabaseFile, dataSource);
        Assert.True(File.Exists(factory.DatabaseFile));
    }

    [Fact]
    public async Task Token_lookups_over_the_limit_get_429()
    {
        await using var limited = new KneeResetFactory { TokenLookupsPerMinute = 3 };
        using var client = limited.CreateBrowser();
        var token = ApiClient.TokenOf(await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()));

        // The API and the result page share one per-client budget.
        var lookups = new[] { $"/api/assessments/{token}", $"/r/{token}", $"/api/assessments/{token}", $"/api/assessments/{token}", $"/r/{token}" };
        var statuses = new List<HttpStatusCode>();
        foreach (var path in lookups)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
    }
}
