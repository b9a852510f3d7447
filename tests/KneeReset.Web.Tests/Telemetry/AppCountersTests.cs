using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using KneeReset.Web.Telemetry;
using static KneeReset.Web.Tests.RunningLadder;

namespace KneeReset.Web.Tests.Telemetry;

/// <summary>The static meter is shared by every app in the process: these tests run alone, so each count is theirs.</summary>
[CollectionDefinition(nameof(AppCountersTests), DisableParallelization = true)]
public sealed class AppCountersRunAlone;

/// <summary>
/// The app's own counters: a refused import and an escalation each add one, tagged with a fixed
/// word; an escalation counts when a session, a run or a next-morning answer raises it.
/// </summary>
[Collection(nameof(AppCountersTests))]
public sealed class AppCountersTests : IClassFixture<KneeResetFactory>, IDisposable
{
    private readonly KneeResetFactory _app;
    private readonly ConcurrentQueue<(string Instrument, long Value, string Tags)> _measured = new();
    private readonly MeterListener _listener = new();

    public AppCountersTests(KneeResetFactory app)
    {
        _app = app;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measured.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        _listener.Start();
    }

    private DateOnly Today => DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task An_import_that_is_not_a_form_is_counted_as_refused_for_its_content_type()
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await _app.CreateClient().PostAsync(new Uri("/api/training/import", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("kneereset.imports.refused", 1L, "reason=content_type")], Measured("kneereset.imports.refused"));
    }

    [Fact]
    public async Task A_session_that_hurts_badly_is_counted_as_one_escalation_and_the_next_is_not()
    {
        var client = _app.CreateClient();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        manage = RunnerResults.TokenOf(manage);

        foreach (var day in new[] { 1, 0 })
        {
            using var session = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", on = Day(Today, day), painDuring = 8 });
            Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        }

        // The second painful session finds the escalation already raised.
        Assert.Equal([("kneereset.escalations", 1L, "kind=session")], Measured("kneereset.escalations"));
    }

    [Fact]
    public async Task A_second_bad_morning_in_a_row_is_counted_as_one_escalation_when_it_is_answered()
    {
        var client = _app.CreateClient();
        var (_, manage) = await RunnerResults.CreateAsync(client);
        manage = RunnerResults.TokenOf(manage);
        var sessions = new List<string>();
        // Dated today: sessions before the result was made (its fresh start) never escalate.
        for (var i = 0; i < 2; i++)
        {
            using var session = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", on = Day(Today, 0), painDuring = 2, usualPain = 1 });
            Assert.Equal(HttpStatusCode.Created, session.StatusCode);
            sessions.Add((string)(await ApiClient.ReadJsonAsync(session))["id"]!);
        }
        Assert.Empty(Measured("kneereset.escalations"));

        // Mornings 4 above the usual 1: the first is a signal to step back, the second in a row escalates.
        foreach (var id in sessions)
        {
            using var morning = await client.PatchAsJsonAsync($"/api/manage/{manage}/sessions/{id}", new { painNextMorning = 5 });
            Assert.Equal(HttpStatusCode.OK, morning.StatusCode);
        }

        Assert.Equal([("kneereset.escalations", 1L, "kind=session")], Measured("kneereset.escalations"));
        using var recovery = await client.GetAsync(new Uri($"/api/manage/{manage}/recovery", UriKind.Relative));
        Assert.StartsWith("Two mornings in a row", (string?)(await ApiClient.ReadJsonAsync(recovery))["escalation"]?["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_hurts_badly_is_counted_as_an_escalation_of_the_ladder()
    {
        var client = _app.CreateClient();
        var created = await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());
        var manage = ((string)created["manageUrl"]!).Split("/m/")[1];
        await OpenAsync(client, manage, Today);

        using var logged = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, completed = false, painDuring = 8 });

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal([("kneereset.escalations", 1L, "kind=run")], Measured("kneereset.escalations"));
    }

    [Fact]
    public async Task Swelling_given_the_morning_after_runs_is_counted_as_one_escalation_of_the_ladder()
    {
        var client = _app.CreateClient();
        var created = await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());
        var manage = ((string)created["manageUrl"]!).Split("/m/")[1];
        await OpenAsync(client, manage, Today);
        var runs = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var logged = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, completed = true, painDuring = 1 });
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
            runs.Add((string)(await ApiClient.ReadJsonAsync(logged))["id"]!);
        }
        Assert.Empty(Measured("kneereset.escalations"));

        foreach (var id in runs)
        {
            using var morning = await client.PatchAsJsonAsync($"/api/manage/{manage}/runs/{id}", new { painNextMorning = 1, swelling = true });
            Assert.Equal(HttpStatusCode.OK, morning.StatusCode);
        }

        Assert.Equal([("kneereset.escalations", 1L, "kind=run")], Measured("kneereset.escalations"));
    }

    public void Dispose() => _listener.Dispose();

    private (string, long, string)[] Measured(string instrument) => [.. _measured.Where(m => m.Instrument == instrument)];
}
