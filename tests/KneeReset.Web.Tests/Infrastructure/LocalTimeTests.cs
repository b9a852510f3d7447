using System.Globalization;
using AngleSharp.Dom;
using KneeReset.Web.Areas.Staff.StaffIdentity;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>
/// Times are written as &lt;time datetime&gt; in UTC, with text that says UTC, for local-time.js to
/// show in the viewer's zone (the cached, shared pages can't know it; the browser test checks the script).
/// </summary>
public class LocalTimeTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Runner_clinician_and_staff_pages_mark_every_moment_as_utc_for_the_browser_to_localise()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        var start = (await runner.GetPageAsync(manage)).QuerySelector(".routines a.button")!.GetAttribute("href")!;
        using var logged = await runner.SubmitAsync(start, null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        var session = await runner.GetPageAsync(Browser.AssertRedirect(logged));
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        var review = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(10);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.ReviewDate", review.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        using var admin = app.SignedIn(StaffRoles.Admin);

        var own = await runner.GetPageAsync(manage);
        AssertMoment(own.QuerySelector(".result .meta time")!, "date", "(UTC)");
        AssertMoment(session.QuerySelector("main time")!, "minutes", "UTC");
        AssertMoment((await clinician.GetPageAsync(share)).QuerySelector(".clinical .meta time")!, "minutes", "UTC");
        AssertMoment((await admin.GetPageAsync("/Staff/Audit")).QuerySelector(".staff-table tbody time")!, "seconds", "UTC");

        // A review date is a calendar date: no zone, nothing to shift.
        var reviewed = own.QuerySelectorAll(".plan .meta time[data-local=calendar]").Single();
        Assert.Equal(review.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reviewed.GetAttribute("datetime"));
        Assert.Equal(review.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), reviewed.TextContent);
        Assert.DoesNotContain(own.QuerySelectorAll("time"), t => t.GetAttribute("data-local") is null);
    }

    [Fact]
    public async Task The_layout_loads_the_local_time_script_for_runner_and_staff_pages()
    {
        using var runner = app.CreateBrowser();
        using var admin = app.SignedIn(StaffRoles.Admin);

        foreach (var page in new[] { await runner.GetPageAsync("/"), await admin.GetPageAsync("/Staff/Audit") })
        {
            var src = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).Single(s => s.StartsWith("/js/local-time", StringComparison.Ordinal));
            using var script = await runner.GetAsync(new Uri(src, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("Intl.DateTimeFormat", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>A moment in UTC (ISO 8601, Z) that a person reads as UTC until the script shows it locally.</summary>
    private void AssertMoment(IElement time, string show, string label)
    {
        Assert.Equal("time", time.LocalName);
        Assert.Equal(show, time.GetAttribute("data-local"));
        var at = DateTimeOffset.ParseExact(time.GetAttribute("datetime")!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(at, app.Clock.GetUtcNow().AddHours(-1), app.Clock.GetUtcNow().AddMinutes(1));
        Assert.EndsWith(label, time.TextContent, StringComparison.Ordinal);
        Assert.Contains(at.UtcDateTime.ToString("MMM", CultureInfo.InvariantCulture), time.TextContent, StringComparison.Ordinal);
    }
}
