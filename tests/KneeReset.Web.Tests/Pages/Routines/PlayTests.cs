using System.Net;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Pages.Routines;

public class PlayTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    [Fact]
    public async Task Without_javascript_the_player_is_the_ordered_list_of_steps()
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetPageAsync("/routines/post-run-knee-reset/play");

        var steps = page.QuerySelectorAll(".play-step");
        Assert.True(steps.Length >= 4);
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.QuerySelector(".dosage")?.TextContent)));
        Assert.NotNull(page.QuerySelector("#player[hidden]"));
    }

    [Fact]
    public async Task A_session_started_from_the_private_page_is_stored_against_that_assessment()
    {
        using var client = factory.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        var start = (await client.GetPageAsync(manage)).QuerySelector(".routines a.button")!.GetAttribute("href")!;
        Assert.StartsWith($"{manage}/play/", start, StringComparison.Ordinal);

        using var response = await client.SubmitAsync(start, null,
            ("Input.PainUsual", "1"), ("Input.PainDuring", "3"), ("Input.PainNextMorning", "1"), ("Input.Feeling", "about_right"));

        var location = Browser.AssertRedirect(response);
        Assert.StartsWith($"{manage}/sessions/", location, StringComparison.Ordinal);
        var saved = await client.GetPageAsync(location);
        Assert.Contains("Keep the same dose", saved.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(saved.QuerySelector($"a[href='{manage}']"));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var session = await db.RoutineSessions.Include(s => s.Assessment).SingleAsync(s => s.Token == location.Substring(location.LastIndexOf('/') + 1));
        Assert.Equal(RunnerResults.TokenOf(share), session.Assessment!.Token);
        Assert.Equal((3, 1, 1, "about_right"), (session.PainDuring, session.PainNextMorning!.Value, session.PainUsual!.Value, session.Feeling));
    }

    [Fact]
    public async Task A_log_without_pain_or_feeling_is_refused_with_clear_messages_and_nothing_stored()
    {
        using var client = factory.CreateBrowser();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeResetDbContext>();
        var before = await db.RoutineSessions.CountAsync();

        using var response = await client.SubmitAsync("/routines/core-stability/play", null, ("Input.PainNextMorning", "12"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("how much it hurt during the session", summary, StringComparison.Ordinal);
        Assert.Contains("usually hurts on an ordinary day", summary, StringComparison.Ordinal);
        Assert.Contains("how the session felt", summary, StringComparison.Ordinal);
        Assert.Contains("0 to 10", summary, StringComparison.Ordinal);
        Assert.Equal(before, await db.RoutineSessions.CountAsync());
    }

    [Fact]
    public async Task A_refused_log_shows_its_summary_at_the_log_form_with_links_to_the_questions()
    {
        using var client = factory.CreateBrowser();
        var form = (await client.GetPageAsync("/routines/core-stability/play")).QuerySelector("#log form")!;
        Assert.EndsWith("#log", form.GetAttribute("action"), StringComparison.Ordinal);

        using var response = await client.SubmitAsync("/routines/core-stability/play", null, ("Input.PainUsual", "1"));

        var page = await Browser.ParseAsync(response);
        var summary = page.QuerySelector("section#log > .error-summary")!;
        Assert.Same(summary.NextElementSibling, page.QuerySelector("#log form"));
        Assert.EndsWith("#log", page.QuerySelector("#log form")!.GetAttribute("action"), StringComparison.Ordinal);
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#log-Feeling", "#log-PainDuring"], links.Order(StringComparer.Ordinal));
        Assert.All(links, href => Assert.NotNull(page.QuerySelector($"#log form {href}")));
    }

    [Fact]
    public async Task Next_morning_pain_added_later_updates_the_advice()
    {
        using var client = factory.CreateBrowser();
        using var logged = await client.SubmitAsync("/routines/core-stability/play", null, ("Input.PainUsual", "1"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        var session = logged.Headers.Location!.ToString();
        Assert.Contains("Keep the same dose", (await client.GetPageAsync(session)).QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);

        using var bad = await client.SubmitAsync(session, null, ("painNextMorning", "11"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        using var morning = await client.SubmitAsync(session, null, ("painNextMorning", "1"));
        Assert.Equal(HttpStatusCode.Redirect, morning.StatusCode);

        var page = await client.GetPageAsync(session);
        // One comfortable session, now with its morning: progress still waits for a second one a week later.
        Assert.Contains("another comfortable session at least 7 days later", page.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Morning']"));
    }

    [Fact]
    public async Task Pain_over_5_during_a_session_advises_stepping_back()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.SubmitAsync("/routines/tendon-loading/play", null, ("Input.PainUsual", "2"), ("Input.PainDuring", "6"), ("Input.Feeling", "too_hard"));
        var saved = await client.GetPageAsync(response.Headers.Location!.ToString());

        Assert.Contains("Step back", saved.QuerySelector(".banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pain_of_7_or_more_during_a_session_says_stop_and_see_a_clinician_with_how_soon()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.SubmitAsync("/routines/tendon-loading/play", null, ("Input.PainUsual", "2"), ("Input.PainDuring", "7"), ("Input.Feeling", "too_hard"));
        var banner = (await client.GetPageAsync(response.Headers.Location!.ToString())).QuerySelector(".banner.escalation")!.TextContent;

        Assert.Contains("see a clinician", banner, StringComparison.Ordinal);
        Assert.Contains("Within 48 hours", banner, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "hasn't come yet")]
    [InlineData(-15, "at most 14 days back")]
    public async Task A_session_is_dated_today_or_up_to_two_weeks_back(int days, string problem)
    {
        using var client = factory.CreateBrowser();
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddHours(14)).AddDays(days);

        using var response = await client.SubmitAsync("/routines/tendon-loading/play", null, ("Input.On", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.PainUsual", "2"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        var page = await Browser.ParseAsync(response);

        Assert.Contains(problem, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_keeps_the_day_it_was_done()
    {
        using var client = factory.CreateBrowser();
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(-3);

        using var response = await client.SubmitAsync("/routines/tendon-loading/play", null, ("Input.On", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.PainUsual", "2"), ("Input.PainDuring", "2"), ("Input.Feeling", "easy"));
        var saved = await client.GetPageAsync(response.Headers.Location!.ToString());

        Assert.Contains($"done on {day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", saved.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_morning_pain_above_the_usual_level_is_a_step_back_though_it_equals_the_session_pain()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.SubmitAsync("/routines/tendon-loading/play", null,
            ("Input.PainUsual", "1"), ("Input.PainDuring", "5"), ("Input.PainNextMorning", "5"), ("Input.Feeling", "about_right"));
        var banner = (await client.GetPageAsync(response.Headers.Location!.ToString())).QuerySelector(".banner")!.TextContent;

        Assert.Contains("Step back", banner, StringComparison.Ordinal);
        Assert.Contains("usual 1/10", banner, StringComparison.Ordinal);
    }
}
