using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace KneeReset.Web.Tests.Api;

/// <summary>/api/manage/{manage}/sessions and /recovery: the pain model in time through the private link, as the OpenAPI document says.</summary>
public class RecoveryApiTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private const string Log = "POST /api/manage/{manage}/sessions";
    private const string Morning = "PATCH /api/manage/{manage}/sessions/{id}";
    private const string Recovery = "GET /api/manage/{manage}/recovery";

    private string Day(int daysAgo) => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(string Manage, string Share)> CreateAsync(HttpClient client)
    {
        var created = await client.CreateAssessmentAsync(Vignettes.Find("pub-01").Answers);
        return (((string)created["manageUrl"]!).Split("/m/")[1], ApiClient.TokenOf(created));
    }

    [Fact]
    public async Task A_week_of_sessions_through_the_api_reads_as_the_pain_model_says_and_fits_the_document()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var (manage, _) = await CreateAsync(client);

        using var first = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", on = Day(8), painDuring = 1, usualPain = 1, painNextMorning = 1 });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Empty(await contract.ProblemsAsync(Log, first));
        Assert.Equal("hold", (string)(await ApiClient.ReadJsonAsync(first))["advice"]!["action"]!);

        using var second = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", on = Day(1), painDuring = 2, usualPain = 1 });
        var id = (string)(await ApiClient.ReadJsonAsync(second))["id"]!;
        using var recovery = await client.GetAsync(new Uri($"/api/manage/{manage}/recovery", UriKind.Relative));
        Assert.Empty(await contract.ProblemsAsync(Recovery, recovery));
        var state = await ApiClient.ReadJsonAsync(recovery);
        Assert.Equal(1, (int)state["baselinePain"]!);
        Assert.Equal(id, (string)Assert.Single(state["pendingMornings"]!.AsArray())!["id"]!);
        Assert.Equal("hold", (string)state["advice"]!["action"]!);
        Assert.Null(state["escalation"]);

        using var morning = await client.PatchAsJsonAsync($"/api/manage/{manage}/sessions/{id}", new { painNextMorning = 1 });
        Assert.Equal(HttpStatusCode.OK, morning.StatusCode);
        Assert.Empty(await contract.ProblemsAsync(Morning, morning));
        var advice = (await ApiClient.ReadJsonAsync(morning))["advice"]!;
        Assert.Equal("progress", (string)advice["action"]!);
        Assert.Contains("Comfortable from", (string)advice["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_that_hurts_too_much_escalates_with_how_soon()
    {
        using var client = factory.CreateClient();
        var (manage, _) = await CreateAsync(client);

        using var logged = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", painDuring = 8 });
        var state = await ApiClient.ReadJsonAsync(await client.GetAsync(new Uri($"/api/manage/{manage}/recovery", UriKind.Relative)));

        Assert.Equal("see_clinician", (string)(await ApiClient.ReadJsonAsync(logged))["advice"]!["action"]!);
        Assert.Equal("within_two_days", (string)state["escalation"]!["timeFrame"]!);
        Assert.Equal("see_clinician", (string)state["routines"]![0]!["advice"]!["action"]!);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_each_field()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var (manage, _) = await CreateAsync(client);

        using var bad = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "no-such-routine", on = Day(-5), painDuring = 11, usualPain = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await contract.ProblemsAsync(Log, bad));
        var errors = (await ApiClient.ReadJsonAsync(bad))["errors"]!.AsObject();
        Assert.Equal(["on", "painDuring", "usualPain", "routine"], errors.Select(e => e.Key).ToArray());
        Assert.Contains("hasn't come yet", (string)errors["on"]![0]!, StringComparison.Ordinal);
        using var old = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", on = Day(16), painDuring = 1 });
        Assert.Contains("at most 14 days back", (string)(await ApiClient.ReadJsonAsync(old))["errors"]!["on"]![0]!, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileBodies => new()
    {
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":2,\"note\":\"" + new string('x', 5000) + "\"}",
        new string('[', 10_000) + new string(']', 10_000),
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":1e308}",
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":2.5}",
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":\"NaN\"}",
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":-2147483648}",
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":2,\"on\":\"9999-99-99\"}",
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":2,\"on\":\"0001-01-01\"}",
        "{\"routine\":[\"hip-and-glute-strength\"],\"painDuring\":2}",
        "[{\"routine\":\"hip-and-glute-strength\",\"painDuring\":2}]",
        "{\"routine\":\"hip-and-glute-strength\",\"painDuring\":2,\"painDuring\":12}",
        "{\"routine\":\"" + string.Concat(Enumerable.Repeat("../", 500)) + "\",\"painDuring\":2}",
        "",
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_session_body_gets_a_400_problem_and_stores_nothing(string body)
    {
        using var client = factory.CreateClient();
        var (manage, _) = await CreateAsync(client);

        using var response = await client.PostAsync(new Uri($"/api/manage/{manage}/sessions", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var state = await ApiClient.ReadJsonAsync(await client.GetAsync(new Uri($"/api/manage/{manage}/recovery", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(state["routines"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"painNextMorning\":1e308}")]
    [InlineData("{\"painNextMorning\":11}")]
    [InlineData("{\"painNextMorning\":null}")]
    [InlineData("[1]")]
    [InlineData("{}")]
    public async Task A_hostile_morning_body_gets_a_400_problem_and_changes_nothing(string body)
    {
        using var client = factory.CreateClient();
        var (manage, _) = await CreateAsync(client);
        using var logged = await client.PostAsJsonAsync($"/api/manage/{manage}/sessions", new { routine = "hip-and-glute-strength", on = Day(1), painDuring = 1 });
        var id = (string)(await ApiClient.ReadJsonAsync(logged))["id"]!;

        using var response = await client.PatchAsync(new Uri($"/api/manage/{manage}/sessions/{id}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var state = await ApiClient.ReadJsonAsync(await client.GetAsync(new Uri($"/api/manage/{manage}/recovery", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(id, (string)Assert.Single(state["pendingMornings"]!.AsArray())!["id"]!);
    }

    [Fact]
    public async Task A_share_token_or_an_unknown_one_finds_nothing()
    {
        using var client = factory.CreateClient();
        var (_, share) = await CreateAsync(client);

        using var logged = await client.PostAsJsonAsync($"/api/manage/{share}/sessions", new { routine = "hip-and-glute-strength", painDuring = 1 });
        using var read = await client.GetAsync(new Uri($"/api/manage/{share}/recovery", UriKind.Relative));
        using var patched = await client.PatchAsJsonAsync($"/api/manage/{share}/sessions/{share}", new { painNextMorning = 1 });

        Assert.All(new[] { logged, read, patched }, r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
    }

    [Fact]
    public async Task A_session_of_another_runner_cannot_be_patched()
    {
        using var client = factory.CreateClient();
        var (mine, _) = await CreateAsync(client);
        var (theirs, _) = await CreateAsync(client);
        using var logged = await client.PostAsJsonAsync($"/api/manage/{theirs}/sessions", new { routine = "hip-and-glute-strength", painDuring = 1 });
        var id = (string)(await ApiClient.ReadJsonAsync(logged))["id"]!;

        using var patched = await client.PatchAsJsonAsync($"/api/manage/{mine}/sessions/{id}", new { painNextMorning = 9 });

        Assert.Equal(HttpStatusCode.NotFound, patched.StatusCode);
    }
}
