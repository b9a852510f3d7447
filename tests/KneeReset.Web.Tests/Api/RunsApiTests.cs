using System.Net;
using System.Net.Http.Json;
using static KneeReset.Web.Tests.RunningLadder;

namespace KneeReset.Web.Tests.Api;

/// <summary>/api/manage/{manage}/runs and /self-tests, and returnToRun in /recovery: the running ladder through the private link.</summary>
public class RunsApiTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private const string Recovery = "GET /api/manage/{manage}/recovery";
    private const string LogRun = "POST /api/manage/{manage}/runs";
    private const string Morning = "PATCH /api/manage/{manage}/runs/{id}";
    private const string SelfTest = "POST /api/manage/{manage}/self-tests";

    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static async Task<(string Manage, string Share)> CreateAsync(HttpClient client)
    {
        var created = await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());
        Assert.Equal("self_care", (string)created["triage"]!);
        return (((string)created["manageUrl"]!).Split("/m/")[1], ApiClient.TokenOf(created));
    }

    [Fact]
    public async Task A_closed_ladder_says_what_is_missing_and_refuses_a_run_with_409()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var (manage, _) = await CreateAsync(client);

        using var recovery = await client.GetAsync(new Uri($"/api/manage/{manage}/recovery", UriKind.Relative));
        Assert.Empty(await contract.ProblemsAsync(Recovery, recovery));
        var ladder = (await ApiClient.ReadJsonAsync(recovery))["returnToRun"]!;
        Assert.False((bool)ladder["open"]!);
        Assert.Null(ladder["stage"]);
        Assert.Equal("not_ready", (string)ladder["advice"]!["action"]!);
        var missing = ladder["missing"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Equal(4, missing.Count);
        Assert.Contains("comfortable over at least a week: none logged yet", missing[0], StringComparison.Ordinal);
        Assert.Contains(missing, m => m.StartsWith("10 hops on the sore leg: not done yet", StringComparison.Ordinal));
        Assert.Equal(7, ladder["stages"]!.AsArray().Count);
        Assert.Equal(1.0, (double)ladder["stages"]![0]!["runMinutes"]!);
        Assert.Equal(4.0, (double)ladder["stages"]![0]!["walkMinutes"]!);
        Assert.Equal(6, (int)ladder["stages"]![0]!["repeats"]!);

        using var refused = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, completed = true, painDuring = 1 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await contract.ProblemsAsync(LogRun, refused));
    }

    [Fact]
    public async Task Comfortable_sessions_and_passed_self_tests_open_the_ladder_and_two_counting_runs_move_up()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var (manage, _) = await CreateAsync(client);
        await ComfortableWeekAsync(client, manage, Today);
        foreach (var test in SelfTests)
        {
            using var passed = await client.PostAsJsonAsync($"/api/manage/{manage}/self-tests", new { test, passed = true, on = Day(Today, 4) });
            Assert.Equal(HttpStatusCode.Created, passed.StatusCode);
            Assert.Empty(await contract.ProblemsAsync(SelfTest, passed));
        }

        var open = await StateAsync(client, manage);
        Assert.True((bool)open["open"]!, open.ToJsonString());
        Assert.Empty(open["missing"]!.AsArray());
        Assert.Equal(1, (int)open["stage"]!);
        Assert.Equal("start", (string)open["advice"]!["action"]!);

        using var tooHigh = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 2, completed = true, painDuring = 1 });
        Assert.Equal(HttpStatusCode.Conflict, tooHigh.StatusCode);

        using var first = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, on = Day(Today, 3), completed = true, painDuring = 1, usualPain = 1 });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Empty(await contract.ProblemsAsync(LogRun, first));
        var firstBody = await ApiClient.ReadJsonAsync(first);
        Assert.Equal("repeat", (string)firstBody["advice"]!["action"]!);
        Assert.Contains("next morning", (string)firstBody["advice"]!["reason"]!, StringComparison.Ordinal);

        using var morning = await client.PatchAsJsonAsync($"/api/manage/{manage}/runs/{(string)firstBody["id"]!}", new { painNextMorning = 1, swelling = false });
        Assert.Equal(HttpStatusCode.OK, morning.StatusCode);
        Assert.Empty(await contract.ProblemsAsync(Morning, morning));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/manage/{manage}/runs")
        {
            Content = JsonContent.Create(new { stage = 1, on = Day(Today, 1), completed = true, painDuring = 2, usualPain = 1, painNextMorning = 1, swelling = false }),
        };
        request.Headers.Add("Idempotency-Key", "run-key-0123456789abcdef");
        using var second = await client.SendAsync(request);
        var secondBody = await ApiClient.ReadJsonAsync(second);
        Assert.Equal("move_up", (string)secondBody["advice"]!["action"]!);
        using var replay = new HttpRequestMessage(HttpMethod.Post, $"/api/manage/{manage}/runs")
        {
            Content = JsonContent.Create(new { stage = 1, on = Day(Today, 1), completed = true, painDuring = 2, usualPain = 1, painNextMorning = 1, swelling = false }),
        };
        replay.Headers.Add("Idempotency-Key", "run-key-0123456789abcdef");
        using var replayed = await client.SendAsync(replay);
        Assert.Equal((string)secondBody["id"]!, (string)(await ApiClient.ReadJsonAsync(replayed))["id"]!);

        var moved = await StateAsync(client, manage);
        Assert.Equal(2, (int)moved["stage"]!);
        Assert.Equal(2, (int)moved["stages"]![0]!["completions"]!);
    }

    [Fact]
    public async Task A_run_dated_before_the_self_tests_that_opened_the_ladder_gets_409_and_the_ladder_stays_open()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var (manage, _) = await CreateAsync(client);
        await OpenAsync(client, manage, Today);

        using var backdated = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, on = Day(Today, 3), completed = true, painDuring = 1 });
        Assert.Equal(HttpStatusCode.Conflict, backdated.StatusCode);
        Assert.Empty(await contract.ProblemsAsync(LogRun, backdated));
        Assert.Contains("before the self-tests", (string)(await ApiClient.ReadJsonAsync(backdated))["title"]!, StringComparison.Ordinal);
        var still = await StateAsync(client, manage);
        Assert.True((bool)still["open"]!, still.ToJsonString());
        Assert.Equal("start", (string)still["advice"]!["action"]!);

        using var today = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, completed = true, painDuring = 1 });
        Assert.Equal(HttpStatusCode.Created, today.StatusCode);
    }

    [Fact]
    public async Task A_run_that_hurts_badly_closes_the_ladder_and_says_see_a_clinician()
    {
        using var client = factory.CreateClient();
        var (manage, _) = await CreateAsync(client);
        await OpenAsync(client, manage, Today);

        using var logged = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, completed = false, painDuring = 8 });
        var state = await StateAsync(client, manage);

        Assert.Equal("see_clinician", (string)(await ApiClient.ReadJsonAsync(logged))["advice"]!["action"]!);
        Assert.False((bool)state["open"]!);
        Assert.Contains(state["missing"]!.AsArray(), m => ((string)m!).StartsWith("Your runs say see a clinician", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_each_field()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var (manage, _) = await CreateAsync(client);

        using var run = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 0, on = Day(Today, -5), painDuring = 11, usualPain = -1 });
        using var test = await client.PostAsJsonAsync($"/api/manage/{manage}/self-tests", new { test = "marathon", on = "yesterday", pain = 12 });

        Assert.Equal(HttpStatusCode.BadRequest, run.StatusCode);
        Assert.Empty(await contract.ProblemsAsync(LogRun, run));
        Assert.Equal(["stage", "on", "completed", "painDuring", "usualPain"], (await ApiClient.ReadJsonAsync(run))["errors"]!.AsObject().Select(e => e.Key).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, test.StatusCode);
        Assert.Empty(await contract.ProblemsAsync(SelfTest, test));
        Assert.Equal(["test", "passed", "on", "pain"], (await ApiClient.ReadJsonAsync(test))["errors"]!.AsObject().Select(e => e.Key).ToArray());
        Assert.Equal(4, (await StateAsync(client, manage))["missing"]!.AsArray().Count);
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        { "runs", "{\"stage\":1,\"completed\":true,\"painDuring\":1,\"note\":\"" + new string('x', 5000) + "\"}" },
        { "runs", new string('[', 10_000) + new string(']', 10_000) },
        { "runs", "{\"stage\":1e308,\"completed\":true,\"painDuring\":1}" },
        { "runs", "{\"stage\":1,\"completed\":\"yes\",\"painDuring\":1}" },
        { "runs", "{\"stage\":1.5,\"completed\":true,\"painDuring\":1}" },
        { "runs", "{\"stage\":-2147483648,\"completed\":true,\"painDuring\":1}" },
        { "runs", "{\"stage\":1,\"completed\":true,\"painDuring\":1,\"on\":\"9999-99-99\"}" },
        { "runs", "[{\"stage\":1,\"completed\":true,\"painDuring\":1}]" },
        { "runs", "" },
        { "self-tests", "{\"test\":[\"brisk_walk_30\"],\"passed\":true,\"on\":\"2026-01-01\"}" },
        { "self-tests", "{\"test\":\"brisk_walk_30\",\"passed\":1,\"on\":\"2026-01-01\"}" },
        { "self-tests", "{\"test\":\"" + string.Concat(Enumerable.Repeat("../", 500)) + "\",\"passed\":true,\"on\":\"2026-01-01\"}" },
        { "self-tests", "{\"test\":\"brisk_walk_30\",\"passed\":true,\"on\":\"0001-01-01\"}" },
        { "self-tests", "null" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_body_gets_a_400_problem_and_stores_nothing(string route, string body)
    {
        using var client = factory.CreateClient();
        var (manage, _) = await CreateAsync(client);
        await OpenAsync(client, manage, Today);

        using var response = await client.PostAsync(new Uri($"/api/manage/{manage}/{route}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var state = await StateAsync(client, manage);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("start", (string)state["advice"]!["action"]!);
    }

    [Theory]
    [InlineData("{\"painNextMorning\":11}")]
    [InlineData("{\"painNextMorning\":null,\"swelling\":true}")]
    [InlineData("{\"painNextMorning\":1,\"swelling\":\"no\"}")]
    [InlineData("{}")]
    public async Task A_hostile_morning_body_gets_a_400_problem(string body)
    {
        using var client = factory.CreateClient();
        var (manage, _) = await CreateAsync(client);
        await OpenAsync(client, manage, Today);
        using var logged = await client.PostAsJsonAsync($"/api/manage/{manage}/runs", new { stage = 1, completed = true, painDuring = 1 });
        var id = (string)(await ApiClient.ReadJsonAsync(logged))["id"]!;

        using var response = await client.PatchAsync(new Uri($"/api/manage/{manage}/runs/{id}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_share_token_finds_nothing_and_another_runners_run_cannot_be_patched()
    {
        using var client = factory.CreateClient();
        var (mine, share) = await CreateAsync(client);
        var (theirs, _) = await CreateAsync(client);
        await OpenAsync(client, theirs, Today);
        using var theirRun = await client.PostAsJsonAsync($"/api/manage/{theirs}/runs", new { stage = 1, completed = true, painDuring = 1 });
        var id = (string)(await ApiClient.ReadJsonAsync(theirRun))["id"]!;

        using var run = await client.PostAsJsonAsync($"/api/manage/{share}/runs", new { stage = 1, completed = true, painDuring = 1 });
        using var test = await client.PostAsJsonAsync($"/api/manage/{share}/self-tests", new { test = "brisk_walk_30", passed = true, on = Day(Today, 0) });
        using var patched = await client.PatchAsJsonAsync($"/api/manage/{share}/runs/{id}", new { painNextMorning = 1 });
        using var notMine = await client.PatchAsJsonAsync($"/api/manage/{mine}/runs/{id}", new { painNextMorning = 9 });

        Assert.All(new[] { run, test, patched, notMine }, r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
    }

    [Fact]
    public async Task The_document_lists_the_self_test_ids_from_the_ladder()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);

        var ids = contract.Document["components"]!["schemas"]!["NewSelfTest"]!["properties"]!["test"]!["enum"]!.AsArray().Select(v => (string)v!);

        Assert.Equal(SelfTests, ids);
    }
}
