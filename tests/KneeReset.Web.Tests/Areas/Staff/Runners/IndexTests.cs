using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Areas.Staff.Runners;

/// <summary>"My runners" (/Staff/Runners): a clinician follows shared results; a link that stops opening drops off at once.</summary>
public sealed class IndexTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_clinician_adds_a_shared_result_and_sees_its_check_triage_and_pain_with_a_link_to_it()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, NewClinician());

        await FollowAsync(clinician, share);

        var row = Assert.Single(await RowsAsync(clinician));
        Assert.Equal(share, row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal("Self-care", Cell(row, "Triage"));
        Assert.Contains("4/10 worst, at the check", Cell(row, "Latest pain"), StringComparison.Ordinal);
        Assert.Equal("None", Cell(row, "Escalation"));
        var view = await clinician.GetPageAsync(share);
        Assert.Null(view.QuerySelector("form[action*='handler=Follow']"));
        var email = clinician.DefaultRequestHeaders.GetValues(TestStaffSignIn.UserHeader).Single();
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "runners.followed" && a.Actor == email)));
        Assert.Equal("/Staff/Runners", view.QuerySelector(".clinical a[href='/Staff/Runners']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Runners_are_listed_newest_activity_first_with_their_latest_pain_and_advice()
    {
        using var first = app.CreateBrowser();
        var (firstShare, firstManage) = await RunnerResults.CreateAsync(first);
        using var second = app.CreateBrowser();
        var (secondShare, _) = await RunnerResults.CreateAsync(second);
        using var clinician = app.SignedIn(StaffRoles.Clinician, NewClinician());
        await FollowAsync(clinician, firstShare);
        await FollowAsync(clinician, secondShare);
        Assert.Equal([secondShare, firstShare], Links(await RowsAsync(clinician)));

        await LogSessionAsync(app, first, firstManage, painDuring: 2);

        var rows = await RowsAsync(clinician);
        Assert.Equal([firstShare, secondShare], Links(rows));
        Assert.Contains("2/10 during a session", Cell(rows[0], "Latest pain"), StringComparison.Ordinal);
        Assert.NotEqual("No sessions logged yet", Cell(rows[0], "Recovery advice"));
    }

    [Fact]
    public async Task Removing_a_runner_takes_it_off_the_list_and_no_one_can_remove_another_clinicians()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var mine = app.SignedIn(StaffRoles.Clinician, NewClinician());
        using var theirs = app.SignedIn(StaffRoles.Clinician, NewClinician());
        await FollowAsync(mine, share);
        await FollowAsync(theirs, share);
        var theirId = (await HtmlForm.OpenAsync(theirs, "/Staff/Runners", "form[action*='handler=Remove']")).Value("followId")!;

        var form = await HtmlForm.OpenAsync(mine, "/Staff/Runners", "form[action*='handler=Remove']");
        using var other = await form.Set("followId", theirId).SubmitAsync();
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Single(await RowsAsync(theirs));

        using var removed = await RunnerResults.PostFormAsync(mine, "/Staff/Runners", "Remove");
        Assert.Equal("/Staff/Runners", Browser.AssertRedirect(removed));
        Assert.Empty(await RowsAsync(mine));
        Assert.Single(await RowsAsync(theirs));
        // Only the removal that happened is audited, not the refused attempt on another's follow.
        var email = mine.DefaultRequestHeaders.GetValues(TestStaffSignIn.UserHeader).Single();
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "runners.removed" && a.Actor == email)));
    }

    [Fact]
    public async Task A_revoked_link_drops_off_at_once_and_opens_nothing()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, NewClinician());
        await FollowAsync(clinician, share);

        await RunnerResults.PostFormAsync(runner, manage, "Revoke");

        Assert.Empty(await RowsAsync(clinician));
        using var opened = await clinician.GetAsync(new Uri(share, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
    }

    [Fact]
    public async Task An_expired_link_drops_off_and_a_new_link_ends_the_follow()
    {
        using var runner = app.CreateBrowser();
        var (expiring, _) = await RunnerResults.CreateAsync(runner);
        var (replaced, replacedManage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, NewClinician());
        await FollowAsync(clinician, expiring);
        await FollowAsync(clinician, replaced);
        Assert.Equal(2, (await RowsAsync(clinician)).Count);

        var past = app.Clock.GetUtcNow().AddMinutes(-1);
        await app.QueryAsync(db => db.Assessments.Where(a => a.Token == RunnerResults.TokenOf(expiring)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ShareExpiresAt, past)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ShareLinks>().ReplaceAsync(RunnerResults.TokenOf(replacedManage), CancellationToken.None));
        }

        // The replaced result still opens under its new link, but the clinician was never given that one.
        Assert.Empty(await RowsAsync(clinician));
    }

    [Fact]
    public async Task A_re_take_keeps_the_runner_on_the_list_showing_the_newest_check()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, NewClinician());
        await FollowAsync(clinician, share);
        using var retake = await RunnerResults.PostFormAsync(runner, manage, "Retake");
        var draft = Wizard.DraftOf(Browser.AssertRedirect(retake));
        using var changed = await runner.SubmitAsync($"/assess/{draft}/pain", "next", ("q.worst_pain", "6"));
        using var finished = await runner.SubmitAsync($"/assess/{draft}/review", nav: null);
        Browser.AssertRedirect(finished);

        var row = Assert.Single(await RowsAsync(clinician));
        Assert.Equal(share, row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("6/10 worst, at the check", Cell(row, "Latest pain"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Admin)]
    public async Task Other_staff_can_neither_see_the_list_nor_add_to_it(string role)
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var staff = app.SignedIn(role);

        using var list = await staff.GetAsync(new Uri("/Staff/Runners", UriKind.Relative));
        Assert.StartsWith("http://localhost/Staff/Denied", Browser.AssertRedirect(list), StringComparison.Ordinal);
        Assert.Null((await staff.GetPageAsync(share)).QuerySelector("form[action*='handler=Follow']"));
        Assert.DoesNotContain("/Staff/Runners", (await staff.GetPageAsync("/Staff")).Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_home_links_a_clinician_to_their_runners()
    {
        using var clinician = app.SignedIn(StaffRoles.Clinician, NewClinician());

        var home = await clinician.GetPageAsync("/Staff");

        Assert.NotNull(home.QuerySelector(".staff-menu a[href='/Staff/Runners']"));
    }

    [Fact]
    public async Task A_follow_the_store_fails_to_save_is_not_reported_as_added()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, NewClinician());

        HttpResponseMessage added;
        using (app.Faults.FailWrites("INSERT INTO \"RunnerFollows\""))
        {
            added = await RunnerResults.PostFormAsync(clinician, share, "Follow");
        }

        using (added)
        {
            Assert.False((int)added.StatusCode is >= 300 and < 400, $"reported as added: {added.StatusCode}");
            Assert.Contains("Not added to My runners", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await RowsAsync(clinician));
        // Once the store writes again, the same button adds it.
        await FollowAsync(clinician, share);
        Assert.Single(await RowsAsync(clinician));
    }

    internal static string NewClinician() => $"physio@{Guid.NewGuid():N}.test";

    internal static async Task FollowAsync(HttpClient clinician, string share)
    {
        using var added = await RunnerResults.PostFormAsync(clinician, share, "Follow");
        Assert.Equal(share, new Uri(new Uri("http://localhost"), Browser.AssertRedirect(added)).AbsolutePath);
    }

    internal static async Task<IReadOnlyList<IHtmlTableRowElement>> RowsAsync(HttpClient clinician) =>
        [.. (await clinician.GetPageAsync("/Staff/Runners")).QuerySelectorAll<IHtmlTableRowElement>("table.runners tbody tr")];

    internal static async Task LogSessionAsync(KneeResetFactory app, HttpClient runner, string manage, int painDuring)
    {
        var today = RunningLadder.Day(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), 0);
        using var session = await runner.PostAsJsonAsync($"/api/manage/{RunnerResults.TokenOf(manage)}/sessions", new { routine = "hip-and-glute-strength", on = today, painDuring, usualPain = 1 });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
    }

    private static string Cell(IHtmlTableRowElement row, string label) =>
        row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();

    private static List<string> Links(IEnumerable<IHtmlTableRowElement> rows) =>
        [.. rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")!)];
}
