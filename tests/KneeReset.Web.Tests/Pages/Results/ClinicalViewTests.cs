using System.Net;
using System.Net.Http.Json;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using KneeReset.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Results;

/// <summary>The clinician's side of a shared result, and what the runner then sees.</summary>
public class ClinicalViewTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task A_clinician_sees_every_answer_and_the_reasoning_and_a_runner_does_not()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var clinical = await clinician.GetPageAsync(share);
        var plain = await runner.GetPageAsync(share);

        var rows = clinical.QuerySelectorAll(".clinical table.answers tbody tr");
        var content = app.Services.GetRequiredService<ContentCatalog>();
        var questions = content.Questions.Questions.Count();
        Assert.Equal(questions, rows.Length); // every question in the bank, answered or not
        Assert.Contains(rows, r => r.TextContent.Contains("stairs_down", StringComparison.Ordinal));
        Assert.Contains($"rules {content.Rules.RuleSet.Version}", clinical.QuerySelector(".clinical .meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(clinical.QuerySelector(".clinical .meta a[href='/how-it-reasons']"));
        Assert.Contains("32.5 km", clinical.QuerySelector(".clinical")!.TextContent, StringComparison.Ordinal);
        Assert.Null(plain.QuerySelector(".clinical"));
    }

    [Fact]
    public async Task A_clinician_reads_triage_levels_and_bands_as_words_not_enum_names()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var text = (await clinician.GetPageAsync(share)).QuerySelector(".clinical")!.TextContent;

        Assert.Matches("triage (Self-care|See a clinician|Urgent: medical help today)", text);
        Assert.DoesNotContain("SelfCare", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SeeClinician", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinicians_plan_appears_on_the_runners_page_and_changes_are_pointed_out()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, "physio@studio.test");
        var review = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using (var saved = await RunnerResults.PostFormAsync(clinician, share, "Plan",
            ("Plan.Note", "Build hip strength first."), ("Plan.Routines", "hip-and-glute-strength"),
            ("Plan.Dosage[hip-and-glute-strength]", "2 x 12, every other day"), ("Plan.Avoid", "Long downhill runs"), ("Plan.ReviewDate", review)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var first = await runner.GetPageAsync(manage);
        var plan = first.QuerySelector(".plan")!.TextContent;
        Assert.Contains("Build hip strength first.", plan, StringComparison.Ordinal);
        Assert.Contains("2 x 12, every other day", plan, StringComparison.Ordinal);
        Assert.Contains("Long downhill runs", plan, StringComparison.Ordinal);
        Assert.Contains("physio@studio.test", plan, StringComparison.Ordinal);
        // A first plan is news as a whole, until the runner says "Got it"; reading the page again keeps it news.
        Assert.Contains("New from your clinician", first.QuerySelector(".plan-news")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await runner.GetPageAsync(manage)).QuerySelector(".plan-news"));
        await RunnerResults.PostFormAsync(runner, manage, "PlanSeen");
        Assert.Null((await runner.GetPageAsync(manage)).QuerySelector(".plan-news"));

        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Dosage[hip-and-glute-strength]", "3 x 15, every other day"));
        var second = await runner.GetPageAsync(manage);
        var changes = second.QuerySelectorAll(".plan .banner li").Select(li => li.TextContent.Trim()).ToList();
        // Worded and matched by routine: the plan's note and review date were not touched, so they are not listed.
        Assert.Contains("Hip and glute strength: now 3 x 15, every other day (was 2 x 12, every other day).", changes);
        Assert.DoesNotContain(changes, c => c.Contains("removed", StringComparison.OrdinalIgnoreCase) || c.Contains("routines[", StringComparison.Ordinal));
        // Once the runner says "Got it", the change is no longer new.
        Assert.NotNull((await runner.GetPageAsync(manage)).QuerySelector(".plan .banner"));
        await RunnerResults.PostFormAsync(runner, manage, "PlanSeen");
        Assert.Null((await runner.GetPageAsync(manage)).QuerySelector(".plan .banner"));

        var calendar = await runner.GetAsync(new Uri(manage + "?handler=Calendar", UriKind.Relative));
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType?.MediaType);
        var ics = await calendar.Content.ReadAsStringAsync();
        Assert.Contains("RRULE:FREQ=WEEKLY", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;VALUE=DATE:{review.Replace("-", "", StringComparison.Ordinal)}", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_routine_added_to_the_plan_reads_as_added_and_nothing_else_as_removed()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Routines", "hip-and-glute-strength"), ("Plan.Dosage[hip-and-glute-strength]", "2 x 12"));
        await RunnerResults.PostFormAsync(runner, manage, "PlanSeen");

        var form = await HtmlForm.OpenAsync(clinician, share, "form[action*='handler=Plan']");
        form.Set("Plan.Routines", "dynamic-warm-up", "hip-and-glute-strength");
        using (var saved = await form.SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var changes = (await runner.GetPageAsync(manage)).QuerySelectorAll(".plan .banner li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Added: Dynamic warm-up before a run."], changes);
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Admin)]
    [InlineData(null)]
    public async Task Only_clinicians_can_write_plans(string? role)
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        using var someone = role is null ? app.CreateBrowser() : app.SignedIn(role);
        // Any page's form gives this browser a valid antiforgery pair; the share page has none for them.
        var form = await HtmlForm.OpenAsync(someone, "/assess");

        using var response = await someone.PostAsync(new Uri(share + "?handler=Plan", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Value("__RequestVerificationToken") ?? "",
            ["Plan.Note"] = "Sneaky plan",
        }));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
        Assert.DoesNotContain("Sneaky plan", await runner.GetStringAsync(new Uri(manage, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinician_views_and_plans_are_audited()
    {
        using var runner = app.CreateBrowser();
        var (share, _) = await RunnerResults.CreateAsync(runner);
        using var clinician = app.SignedIn(StaffRoles.Clinician, "audited.physio@studio.test");

        await clinician.GetPageAsync(share);
        await RunnerResults.PostFormAsync(clinician, share, "Plan", ("Plan.Note", "Rest from hills."));

        using var admin = app.SignedIn(StaffRoles.Admin);
        var audit = (await admin.GetPageAsync("/Staff/Audit")).QuerySelector("table")!.TextContent;
        Assert.Contains("Clinician viewed", audit, StringComparison.Ordinal);
        Assert.Contains("Plan saved", audit, StringComparison.Ordinal);
        Assert.Contains("audited.physio@studio.test", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_sees_the_running_ladder_each_runs_pain_and_the_escalation()
    {
        using var runner = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(runner);
        var token = RunnerResults.TokenOf(manage);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await RunningLadder.OpenAsync(runner, token, today);
        using (var run = await runner.PostAsJsonAsync($"/api/manage/{token}/runs", new { stage = 1, completed = false, painDuring = 8, painNextMorning = 4, swelling = true }))
        {
            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        }
        using var clinician = app.SignedIn(StaffRoles.Clinician);

        var clinical = (await clinician.GetPageAsync(share)).QuerySelector(".clinical")!;
        var plain = await runner.GetPageAsync(share);

        Assert.Contains("Back to running", clinical.TextContent, StringComparison.Ordinal);
        Assert.Contains("Escalation", clinical.QuerySelector(".running-escalation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ladder not open", clinical.QuerySelector(".running-stage")!.TextContent, StringComparison.Ordinal);
        var row = clinical.QuerySelectorAll("table.running-runs tbody td").Select(td => td.TextContent).ToArray();
        Assert.Equal(["1", "stopped early", "8", "4", "yes"], row[1..6]);
        Assert.Null(plain.QuerySelector("table.running-runs"));
    }
}
