using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Assessments;

/// <summary>Weekly check-ins belong to their result: they go when the runner deletes it and when retention removes it.</summary>
public class CheckInStoreTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Deleting_a_result_on_its_private_page_removes_its_check_ins_and_no_others()
    {
        using var runner = app.CreateBrowser();
        var (_, deleted) = await RunnerResults.CreateAsync(runner);
        var (_, kept) = await RunnerResults.CreateAsync(runner);
        var deletedId = await CheckInAsync(deleted);
        var keptId = await CheckInAsync(kept);

        using (var response = await RunnerResults.PostFormAsync(runner, deleted, "Delete", ("confirm", "true")))
        {
            Browser.AssertRedirect(response);
        }

        Assert.Equal(0, await CountAsync(deletedId));
        Assert.Equal(1, await CountAsync(keptId));
    }

    [Fact]
    public async Task Retention_removes_an_ended_results_check_ins()
    {
        using var runner = app.CreateBrowser();
        var (_, revoked) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, revoked, "Revoke");
        var id = await CheckInAsync(revoked);

        app.Clock.Advance(TimeSpan.FromDays(181));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<Retention>().RunOnceAsync(CancellationToken.None)).Results >= 1);
        }

        Assert.Equal(0, await CountAsync(id));
    }

    /// <summary>One check-in for the result behind this private link; returns the result's id.</summary>
    private async Task<int> CheckInAsync(string manage)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var token = RunnerResults.TokenOf(manage);
        var id = await db.Assessments.Where(a => a.ManageToken == token).Select(a => a.Id).SingleAsync();
        db.OutcomeCheckIns.Add(new OutcomeCheckIn { AssessmentId = id, Week = "2026-W50", WorstPain = 3, SavedAt = app.Clock.GetUtcNow(), ActivitiesJson = "[{\"name\":\"running\",\"score\":4}]" });
        await db.SaveChangesAsync();
        return id;
    }

    private Task<int> CountAsync(int assessmentId) => app.QueryAsync(db => db.OutcomeCheckIns.CountAsync(c => c.AssessmentId == assessmentId));
}
