using KneeReset.Web.Assessments;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Assessments;

/// <summary>
/// Return-to-running runs and self-tests belong to their result: they go when the runner deletes
/// it and when retention removes it, and a run sent twice with the same key is stored once.
/// </summary>
public class RunLogStoreTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Deleting_a_result_on_its_private_page_removes_its_runs_and_self_tests_and_no_others()
    {
        using var runner = app.CreateBrowser();
        var (_, deleted) = await RunnerResults.CreateAsync(runner);
        var (_, kept) = await RunnerResults.CreateAsync(runner);
        var deletedId = await LogAsync(deleted);
        var keptId = await LogAsync(kept);

        using (var response = await RunnerResults.PostFormAsync(runner, deleted, "Delete", ("confirm", "true")))
        {
            Browser.AssertRedirect(response);
        }

        Assert.Equal((0, 0), await CountAsync(deletedId));
        Assert.Equal((1, 1), await CountAsync(keptId));
    }

    [Fact]
    public async Task Retention_removes_an_ended_results_runs_and_self_tests()
    {
        using var runner = app.CreateBrowser();
        var (_, revoked) = await RunnerResults.CreateAsync(runner);
        await RunnerResults.PostFormAsync(runner, revoked, "Revoke");
        var id = await LogAsync(revoked);

        app.Clock.Advance(TimeSpan.FromDays(181));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<Retention>().RunOnceAsync(CancellationToken.None)).Results >= 1);
        }

        Assert.Equal((0, 0), await CountAsync(id));
    }

    [Fact]
    public async Task A_run_sent_twice_with_the_same_client_key_is_stored_once()
    {
        using var runner = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(runner);
        var id = await LogAsync(manage, clientKey: "device-run-1");

        await Assert.ThrowsAsync<DbUpdateException>(() => LogAsync(manage, clientKey: "device-run-1"));
        await LogAsync(manage);
        await LogAsync(manage);

        Assert.Equal((3, 3), await CountAsync(id));
    }

    /// <summary>One run and one self-test for the result behind this private link; returns the result's id.</summary>
    private async Task<int> LogAsync(string manage, string? clientKey = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var token = RunnerResults.TokenOf(manage);
        var id = await db.Assessments.Where(a => a.ManageToken == token).Select(a => a.Id).SingleAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        db.RunLogs.Add(new RunLog { AssessmentId = id, LoggedAt = app.Clock.GetUtcNow(), DoneOn = today, Stage = 1, PainDuring = 1, Completed = true, ClientKey = clientKey });
        db.SelfTestResults.Add(new SelfTestResult { AssessmentId = id, DoneOn = today, Test = "single_leg_hop_10", Passed = true, Pain = 0 });
        await db.SaveChangesAsync();
        return id;
    }

    private Task<(int Runs, int SelfTests)> CountAsync(int assessmentId) => app.QueryAsync(async db =>
        (await db.RunLogs.CountAsync(r => r.AssessmentId == assessmentId), await db.SelfTestResults.CountAsync(t => t.AssessmentId == assessmentId)));
}
