using System.Net;
using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Assessments;

/// <summary>
/// The retention job: abandoned drafts go, and results go a set time after their share link ended;
/// the runner's page says how long (issue 9, finding 5). Time passes by moving the app's clock.
/// </summary>
public class RetentionTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Drafts_and_ended_results_are_removed_after_their_periods_and_nothing_else()
    {
        using var runner = app.CreateBrowser();
        var abandoned = Browser.AssertRedirect(await runner.SubmitAsync("/assess", null));
        var (_, expiring) = await RunnerResults.CreateAsync(runner); // share link expires in 90 days
        var (_, revoked) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, revoked, "Revoke");
        using (var logged = await runner.SubmitAsync($"{revoked}/play/core-stability", null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy")))
        {
            Browser.AssertRedirect(logged);
        }
        var (_, forever) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, forever, "Sharing", ("Sharing.Expiry", "never"));

        Assert.Equal(new Retention.Report(0, 0), await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(8));
        var week = await RunAsync();
        var recent = Browser.AssertRedirect(await runner.SubmitAsync("/assess", null));
        app.Clock.Advance(TimeSpan.FromDays(175));
        var halfYear = await RunAsync();
        app.Clock.Advance(TimeSpan.FromDays(90));
        var later = await RunAsync();

        Assert.Equal(1, week.Drafts);
        Assert.Equal(0, week.Results);
        Assert.Equal(1, halfYear.Results);
        Assert.Equal(1, later.Results);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(runner, abandoned));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(runner, revoked));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(runner, expiring));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(runner, forever));
        Assert.Equal(0, await app.QueryAsync(db => Task.FromResult(db.RoutineSessions.Count(s => s.Assessment!.ManageToken == RunnerResults.TokenOf(revoked)))));
        Assert.Equal(1, halfYear.Drafts); // the draft started after the first week, abandoned in turn
        Assert.NotEqual(abandoned, recent);
    }

    [Fact]
    public async Task The_private_page_says_how_long_the_result_is_kept()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var until = (app.Clock.GetUtcNow() + StoredAssessment.DefaultShareLife).AddDays(180);

        var kept = (await runner.GetPageAsync(manage)).QuerySelector(".kept-until")!.TextContent;
        await RunnerResults.PostFormAsync(runner, manage, "Sharing", ("Sharing.Expiry", "never"));
        var forever = (await runner.GetPageAsync(manage)).QuerySelector(".kept-until")!.TextContent;

        Assert.Contains(until.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), kept, StringComparison.Ordinal);
        Assert.Contains("180 days after its share link stops working", kept, StringComparison.Ordinal);
        Assert.Contains("We keep this result until you delete it.", forever, StringComparison.Ordinal);
    }

    private async Task<Retention.Report> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
