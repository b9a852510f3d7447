using System.Net;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Caching;

/// <summary>
/// The shared result page comes from the output cache (an Age header says so), and every change
/// to what it shows, or to who may see it, reaches the next visitor at once.
/// </summary>
public class ResultPageCacheTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task The_shared_page_is_cached_until_a_plan_a_session_or_a_retake_changes_it()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var visitor = app.CreateBrowser();
        await AssertCachedAsync(visitor, share);

        using var clinician = app.SignedIn(StaffRoles.Clinician);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Note", "Hip strength first."), ("Plan.Routines", "hip-and-glute-strength"));
        Assert.Contains("Hip strength first.", (await visitor.GetPageAsync(share)).QuerySelector(".plan")!.TextContent, StringComparison.Ordinal);
        await AssertCachedAsync(visitor, share);

        using (var logged = await runner.SubmitAsync($"{manage}/play/hip-and-glute-strength", null,
            ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "about_right")))
        {
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }
        Assert.Single((await visitor.GetPageAsync(share)).QuerySelectorAll("svg.history-chart rect.session"));
        await AssertCachedAsync(visitor, share);

        using var retake = await RunnerResults.PostFormAsync(runner, manage, "Retake");
        var draft = Browser.AssertRedirect(retake).Split('/')[2];
        using (var finish = await runner.SubmitAsync($"/assess/{draft}/review", null))
        {
            Assert.Equal(HttpStatusCode.Redirect, finish.StatusCode);
        }
        // The first result's page now charts both assessments of the series.
        Assert.Equal(2, (await visitor.GetPageAsync(share)).QuerySelectorAll(".history-table tbody tr").Length);
    }

    [Fact]
    public async Task A_passcode_a_revoke_or_an_expiry_is_never_hidden_by_the_cache()
    {
        using var runner = app.CreateBrowser();
        var (protectedShare, protectedManage) = await RunnerResults.CreateAsync(runner);
        var (revokedShare, revokedManage) = await RunnerResults.CreateAsync(runner);
        var (expiringShare, expiringManage) = await RunnerResults.CreateAsync(runner);
        using var visitor = app.CreateBrowser();
        foreach (var share in new[] { protectedShare, revokedShare, expiringShare })
        {
            await AssertCachedAsync(visitor, share);
        }

        await RunnerResults.PostFormAsync(runner, protectedManage, "Sharing", ("Sharing.Passcode", "blue-heron"));
        await RunnerResults.PostFormAsync(runner, revokedManage, "Revoke");
        var asked = await visitor.GetPageAsync(protectedShare);
        Assert.NotNull(asked.QuerySelector("input[name='passcode']"));
        Assert.Null(asked.QuerySelector(".causes, .plan, svg.history-chart"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(revokedShare, UriKind.Relative))).StatusCode);

        // The cache keeps a page a minute at most, but no later than its link's end.
        await RunnerResults.PostFormAsync(runner, expiringManage, "Sharing", ("Sharing.Expiry", "7"));
        await AssertCachedAsync(visitor, expiringShare);
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(expiringShare, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_revoke_or_a_plan_saved_by_any_path_is_never_hidden_by_the_cache()
    {
        using var runner = app.CreateBrowser();
        var (planned, _) = await RunnerResults.CreateAsync(runner);
        var (revoked, _) = await RunnerResults.CreateAsync(runner);
        using var visitor = app.CreateBrowser();
        await AssertCachedAsync(visitor, planned);
        await AssertCachedAsync(visitor, revoked);

        // Saved synchronously, behind every page's back (issue 24: only asynchronous saves forgot anything).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
            var plannedId = await db.Assessments.Where(a => a.Token == RunnerResults.TokenOf(planned)).Select(a => a.Id).SingleAsync();
            db.ClinicianPlans.Add(new ClinicianPlan { AssessmentId = plannedId, Clinician = "clinician@studio.test", Note = "Saved synchronously." });
            (await db.Assessments.SingleAsync(a => a.Token == RunnerResults.TokenOf(revoked))).Revoke(app.Clock.GetUtcNow());
            db.SaveChanges();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(revoked, UriKind.Relative))).StatusCode);
        Assert.Contains("Saved synchronously.", (await visitor.GetPageAsync(planned)).QuerySelector(".plan")?.TextContent ?? "(no plan shown)", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_is_never_answered_with_the_cached_public_page()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var visitor = app.CreateBrowser();
        await AssertCachedAsync(visitor, share);

        using var clinician = app.SignedIn(StaffRoles.Clinician);
        using var response = await clinician.GetAsync(new Uri(share, UriKind.Relative));

        Assert.Null(response.Headers.Age);
        Assert.Contains("class=\"clinical", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_string_on_the_shared_page_is_answered_from_the_same_entry()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var visitor = app.CreateBrowser();
        await AssertCachedAsync(visitor, share);

        // Issue 22, finding 9: each made-up query string was one more entry.
        for (var i = 1; i <= 20; i++)
        {
            using var response = await visitor.GetAsync(new Uri($"{share}?x={i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.Age);
        }
    }

    /// <summary>Two visits: the second is answered from the cache, which adds an Age header.</summary>
    private static async Task AssertCachedAsync(HttpClient client, string path)
    {
        using (var first = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        using var second = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal("no-store", second.Headers.CacheControl?.ToString());
    }
}
