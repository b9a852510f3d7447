using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Assessments;

/// <summary>
/// Retention that cannot be broken by one odd row, does not remove results in bulk when the clock
/// jumps, shows its failures in readiness, and clears away replaced pictures (issue 22, findings 11
/// and 12). Time passes by moving the app's clock; this app removes at most 2 results a run; the
/// pictures test has an app of its own, whose clock the other tests have not moved.
/// </summary>
public sealed class RetentionSafetyTests(RetentionSafetyTests.BulkLimitApp app, KneeResetFactory pictures)
    : IClassFixture<RetentionSafetyTests.BulkLimitApp>, IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_draft_dated_at_the_calendars_end_does_not_stop_the_run()
    {
        using var runner = app.CreateBrowser();
        var abandoned = Browser.AssertRedirect(await runner.SubmitAsync("/assess", null));
        var odd = Wizard.DraftOf(Browser.AssertRedirect(await runner.SubmitAsync("/assess", null)));
        await app.QueryAsync(db => db.AssessmentDrafts.Where(d => d.Id == odd)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.UpdatedAt, new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero))));

        app.Clock.Advance(TimeSpan.FromDays(8));
        var report = await RunAsync();

        Assert.True(report.Drafts >= 1);
        using var gone = await runner.GetAsync(new Uri(abandoned, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.AssessmentDrafts.CountAsync(d => d.Id == odd)));
    }

    [Fact]
    public async Task More_results_due_at_once_than_the_bulk_limit_are_all_kept_and_readiness_says_so()
    {
        using var runner = app.CreateBrowser();
        var manages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, manage) = await RunnerResults.CreateAsync(runner);
            await RunnerResults.PostFormAsync(runner, manage, "Revoke");
            manages.Add(manage);
        }

        // As a clock jumped forward would: three results due at once, over the limit of two.
        app.Clock.Advance(TimeSpan.FromDays(181));
        var jumped = await RunAsync();
        var (status, body) = await ReadinessAsync(runner);

        Assert.Equal(0, jumped.Results);
        Assert.True(jumped.HeldBack >= 3, $"held back {jumped.HeldBack}");
        foreach (var manage in manages)
        {
            using var page = await runner.GetAsync(new Uri(manage, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (status, body));

        // Within the limit again (the runner deleted one), the run removes what is due and readiness recovers.
        using (var deleted = await RunnerResults.PostFormAsync(runner, manages[0], "Delete", ("confirm", "true")))
        {
            Browser.AssertRedirect(deleted);
        }
        var within = await RunAsync();

        Assert.Equal(2, within.Results);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadinessAsync(runner));
    }

    [Fact]
    public async Task A_failed_run_shows_in_readiness_until_a_run_succeeds()
    {
        using var client = app.CreateBrowser();
        using (app.Faults.FailWrites())
        {
            await Assert.ThrowsAnyAsync<Exception>(RunAsync);
        }

        Assert.Equal((HttpStatusCode.OK, "Degraded"), await ReadinessAsync(client));
        await RunAsync();
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadinessAsync(client));
    }

    [Fact]
    public async Task A_replaced_picture_is_removed_once_no_exercise_uses_it()
    {
        var id = await pictures.CreateExerciseAsync(TestData.NewSlug("pictured"));
        using var editor = pictures.SignedIn(StaffRoles.Editor);
        var first = await SavePictureAsync(pictures, editor, id);
        var second = await SavePictureAsync(pictures, editor, id);
        Assert.NotEqual(first, second);

        var soon = await RunAsync(pictures);
        Assert.True(File.Exists(Path.Combine(pictures.MediaFolder, first)), "a picture is kept for an hour, in case its save is still under way");
        pictures.Clock.Advance(TimeSpan.FromHours(2));
        var later = await RunAsync(pictures);

        Assert.Equal(0, soon.Pictures);
        Assert.True(later.Pictures >= 1);
        Assert.False(File.Exists(Path.Combine(pictures.MediaFolder, first)));
        Assert.True(File.Exists(Path.Combine(pictures.MediaFolder, second)));
    }

    /// <summary>Saves the exercise with a new picture; returns the stored picture's name.</summary>
    private static async Task<string> SavePictureAsync(KneeResetFactory pictures, HttpClient editor, int id)
    {
        using var saved = await (await HtmlForm.OpenAsync(editor, $"/Staff/Library/Exercises/Edit/{id}"))
            .Attach("Picture", "knee.png", TestImages.OnePixelPng(), "image/png").PressAsync("Save");
        Browser.AssertRedirect(saved);
        return (await pictures.QueryAsync(db => db.Exercises.AsNoTracking().SingleAsync(e => e.Id == id))).Image!;
    }

    private Task<Retention.Report> RunAsync() => RunAsync(app);

    private static async Task<Retention.Report> RunAsync(KneeResetFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<(HttpStatusCode, string)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public sealed class BulkLimitApp() : KneeResetFactory([new("Retention:BulkLimit", "2")]);
}
