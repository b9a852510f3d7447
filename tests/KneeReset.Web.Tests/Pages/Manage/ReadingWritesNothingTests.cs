using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Manage;

/// <summary>
/// Opening the private page is a read: it stores nothing (a GET may be repeated, prefetched or
/// served from the worker's copy). The plan's news goes only when the runner presses "Got it".
/// </summary>
public class ReadingWritesNothingTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private async Task<string> StoreAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var rows = new List<string>();
        async Task AddAsync<T>(IQueryable<T> table) where T : class
        {
            foreach (var row in await table.AsNoTracking().ToListAsync())
            {
                rows.Add(typeof(T).Name + ": " + string.Join("|", db.Entry(row).Properties.Select(p => $"{p.Metadata.Name}={p.CurrentValue}")));
            }
        }
        await AddAsync(db.Assessments);
        await AddAsync(db.ClinicianPlans);
        await AddAsync(db.RoutineSessions);
        await AddAsync(db.AssessmentDrafts);
        await AddAsync(db.AuditEntries);
        return string.Join(Environment.NewLine, rows);
    }

    [Fact]
    public async Task Opening_the_private_page_with_plan_news_leaves_the_store_as_it_was()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.Dosage[hip-and-glute-strength]", "2 x 12"));
        var before = await StoreAsync();

        var page = await runner.GetPageAsync(manage);
        await runner.GetPageAsync(manage);

        Assert.NotNull(page.QuerySelector(".plan-news"));
        Assert.Equal(before, await StoreAsync());
        await RunnerResults.PostFormAsync(runner, manage, "PlanSeen");
        Assert.NotEqual(before, await StoreAsync());
    }

    [Fact]
    public async Task Got_it_for_a_plan_changed_since_the_page_was_read_keeps_the_newer_change_as_news()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.Dosage[hip-and-glute-strength]", "2 x 12"));
        var read = await HtmlForm.OpenAsync(runner, manage, "form[action*='handler=PlanSeen']");

        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Dosage[hip-and-glute-strength]", "3 x 15"));
        using var pressed = await read.SubmitAsync();

        Assert.Contains("New from your clinician", (await runner.GetPageAsync(manage)).QuerySelector(".plan-news")!.TextContent, StringComparison.Ordinal);
    }
}
