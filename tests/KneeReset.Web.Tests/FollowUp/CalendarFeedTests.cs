using System.Net;
using System.Net.Http.Json;
using Ical.Net.CalendarComponents;

namespace KneeReset.Web.Tests.FollowUp;

/// <summary>
/// The runner's calendar feed at /m/{manage}/calendar.ics (issue 26, item 7), parsed back with
/// Ical.Net: the ladder's next runs a rest day apart (none while it is closed), the weekly check-in,
/// stable UIDs so a subscribed calendar updates rather than duplicates, and the private link only
/// when the runner ticked it.
/// </summary>
public class CalendarFeedTests(KneeResetFactory app) : IClassFixture<KneeResetFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private static DateOnly DayOf(CalendarEvent e) => DateOnly.FromDateTime(e.DtStart!.Value);

    private static List<CalendarEvent> Runs(Ical.Net.Calendar calendar) =>
        [.. calendar.Events.Where(e => e.Uid!.StartsWith("run-", StringComparison.Ordinal)).OrderBy(e => e.DtStart!.Value)];

    private static async Task<Ical.Net.Calendar> FeedAsync(HttpClient client, string manage)
    {
        using var response = await client.GetAsync(new Uri($"{manage}/calendar.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task The_feed_is_a_private_text_calendar_and_an_unknown_or_share_token_finds_nothing()
    {
        using var client = app.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);

        using var feed = await client.GetAsync(new Uri($"{manage}/calendar.ics", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/m/not-a-real-token-at-all-000000/calendar.ics", UriKind.Relative));
        using var shared = await client.GetAsync(new Uri($"/m/{RunnerResults.TokenOf(share)}/calendar.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", feed.Content.Headers.ContentType?.CharSet);
        Assert.True(feed.Headers.CacheControl?.NoStore, $"{feed.Headers.CacheControl}");
        Assert.Equal("no-referrer", feed.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shared.StatusCode);
    }

    [Fact]
    public async Task A_closed_ladder_has_no_runs_only_the_weekly_check_in_on_the_checks_weekday()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        var calendar = await FeedAsync(client, manage);

        Assert.Empty(Runs(calendar));
        var checkIn = Assert.Single(calendar.Events);
        Assert.Equal("Weekly knee check-in", checkIn.Summary);
        Assert.Equal(Ical.Net.FrequencyType.Weekly, checkIn.RecurrenceRule!.Frequency);
        Assert.Equal(Today.AddDays(7), DayOf(checkIn));
        Assert.False(checkIn.DtStart!.HasTime);
    }

    [Fact]
    public async Task An_open_ladder_reminds_of_the_next_runs_a_rest_day_apart_and_a_logged_run_moves_them_under_the_same_uids()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var token = RunnerResults.TokenOf(manage);
        await RunningLadder.OpenAsync(client, token, Today);

        var before = Runs(await FeedAsync(client, manage));
        var again = Runs(await FeedAsync(client, manage));

        Assert.Equal([Today, Today.AddDays(2), Today.AddDays(4)], before.Select(DayOf));
        Assert.Equal(before.Select(e => e.Uid), again.Select(e => e.Uid));
        Assert.Equal(3, before.Select(e => e.Uid).Distinct().Count());
        Assert.All(before, e => Assert.Equal("Walk-run: stage 1", e.Summary));
        Assert.Contains("1 minute running, 4 minutes walking, 6 times", before[0].Description, StringComparison.Ordinal);

        using (var run = await client.PostAsJsonAsync($"/api/manage/{token}/runs", new { stage = 1, completed = true, painDuring = 1, usualPain = 1 }))
        {
            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        }
        var after = Runs(await FeedAsync(client, manage));

        // Ran today: never tomorrow, the next run after a rest day.
        Assert.Equal([Today.AddDays(2), Today.AddDays(4), Today.AddDays(6)], after.Select(DayOf));
        Assert.DoesNotContain(after, e => DayOf(e) == Today.AddDays(1));
        Assert.Equal(before.Select(e => e.Uid), after.Select(e => e.Uid));
    }

    [Fact]
    public async Task A_step_back_keeps_reminding_of_the_stage_to_run_and_an_escalation_removes_the_runs()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var token = RunnerResults.TokenOf(manage);
        await RunningLadder.OpenAsync(client, token, Today);

        // Pain of 8/10 during a run: more than the knee should take, and (at 8 or more) a reason to see a clinician.
        using (var run = await client.PostAsJsonAsync($"/api/manage/{token}/runs", new { stage = 1, completed = false, painDuring = 8 }))
        {
            Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        }
        var state = await RunningLadder.StateAsync(client, token);
        var calendar = await FeedAsync(client, manage);

        Assert.False(state["open"]!.GetValue<bool>());
        Assert.Empty(Runs(calendar));
        Assert.Single(calendar.Events, e => e.Summary == "Weekly knee check-in");
    }

    [Fact]
    public async Task The_private_link_is_in_the_events_only_while_the_runner_chooses_it()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        var token = RunnerResults.TokenOf(manage);
        await RunningLadder.OpenAsync(client, token, Today);
        var page = await client.GetPageAsync(manage);
        Assert.Null(page.QuerySelector("form[action*='handler=CalendarLink'] input[name=includeLink]")!.GetAttribute("checked"));

        var unchosen = await ReadFeedAsync(client, manage);
        using (var chosen = await RunnerResults.PostFormAsync(client, manage, "CalendarLink", ("includeLink", "true")))
        {
            Browser.AssertRedirect(chosen);
        }
        var withLink = Ical.Net.Calendar.Load(await ReadFeedAsync(client, manage))!;
        var ticked = await HtmlForm.OpenAsync(client, manage, "form[action*='handler=CalendarLink']");
        Assert.Equal("true", ticked.Value("includeLink"));
        using (var undone = await ticked.Set("includeLink").SubmitAsync())
        {
            Browser.AssertRedirect(undone);
        }
        var withoutAgain = await ReadFeedAsync(client, manage);

        Assert.DoesNotContain(token, unchosen, StringComparison.Ordinal);
        Assert.DoesNotContain("/m/", unchosen, StringComparison.Ordinal);
        var privatePage = new Uri($"http://localhost/m/{token}");
        Assert.All(Runs(withLink), e => Assert.Equal(privatePage, e.Url));
        Assert.All(Runs(withLink), e => Assert.Contains(privatePage.ToString(), e.Description, StringComparison.Ordinal));
        Assert.Equal(privatePage, withLink.Events.Single(e => e.Summary == "Weekly knee check-in").Url);
        Assert.DoesNotContain(token, withoutAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_private_page_offers_a_webcal_subscription_from_the_configured_address_and_a_download()
    {
        using var client = app.CreateBrowser();
        var (_, manage) = await RunnerResults.CreateAsync(client);

        var page = await client.GetPageAsync(manage);
        var links = page.QuerySelectorAll(".calendar-feed a").Select(a => a.GetAttribute("href")!).ToList();
        using var download = await client.GetAsync(new Uri(links[1], UriKind.Relative));

        Assert.Equal($"webcal://localhost{manage}/calendar.ics", links[0]);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
        Assert.Single(Ical.Net.Calendar.Load(await download.Content.ReadAsStringAsync())!.Events);
    }

    private static async Task<string> ReadFeedAsync(HttpClient client, string manage) =>
        await client.GetStringAsync(new Uri($"{manage}/calendar.ics", UriKind.Relative));
}
