using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KneeReset.Core.Tests.TrainingImport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KneeReset.Web.Tests.Api;

/// <summary>
/// /openapi/v1.json describes the API as it answers: every /api and FHIR route and /version is in it, and for
/// every operation a real success and a real error match the documented status, content type and schema.
/// </summary>
public class OpenApiDocumentTests(KneeResetFactory factory, OpenApiDocumentTests.LimitedApp limited)
    : IClassFixture<KneeResetFactory>, IClassFixture<OpenApiDocumentTests.LimitedApp>
{
    /// <summary>A call; one that dates what it sends (runs, self-tests) takes today from the app's clock.</summary>
    private sealed record Call(string Operation, HttpStatusCode Status, Func<HttpClient, DateOnly, Task<HttpResponseMessage>> SendAsync)
    {
        public Call(string operation, HttpStatusCode status, Func<HttpClient, Task<HttpResponseMessage>> send)
            : this(operation, status, (c, _) => send(c))
        {
        }
    }

    private static readonly Dictionary<string, Call> Calls = new()
    {
        ["version"] = new("GET /version", HttpStatusCode.OK, c => GetAsync(c, "/version")),
        ["questionnaire"] = new("GET /api/questionnaire", HttpStatusCode.OK, c => GetAsync(c, "/api/questionnaire")),
        ["new assessment"] = new("POST /api/assessments", HttpStatusCode.Created, c => c.PostAssessmentAsync(Vignettes.ClassicRunnersKnee())),
        ["new assessment, every question answered"] = new("POST /api/assessments", HttpStatusCode.Created, async c => await c.PostAssessmentAsync(await Fhir.ConformanceCases.AnswersAsync(c, "every_question_answered"))),
        ["new assessment, answers not valid"] = new("POST /api/assessments", HttpStatusCode.BadRequest, c => c.PostRawAsync("{\"answers\":{\"age\":\"29\",\"elbow\":1}}")),
        ["new assessment, not JSON"] = new("POST /api/assessments", HttpStatusCode.UnsupportedMediaType, c =>
            c.PostAsync(new Uri("/api/assessments", UriKind.Relative), new StringContent("answers", Encoding.UTF8, "text/plain"))),
        ["assessment"] = new("GET /api/assessments/{token}", HttpStatusCode.OK, async c => await GetAsync(c, $"/api/assessments/{await NewTokenAsync(c)}")),
        ["assessment, unknown token"] = new("GET /api/assessments/{token}", HttpStatusCode.NotFound, c => GetAsync(c, "/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA")),
        ["training import"] = new("POST /api/training/import", HttpStatusCode.OK, c => ImportAsync(c, October())),
        ["training import, no files"] = new("POST /api/training/import", HttpStatusCode.BadRequest, c => ImportAsync(c)),
        ["routines"] = new("GET /api/routines", HttpStatusCode.OK, c => GetAsync(c, "/api/routines")),
        ["routine"] = new("GET /api/routines/{slug}", HttpStatusCode.OK, c => GetAsync(c, "/api/routines/post-run-knee-reset")),
        ["routine, unknown slug"] = new("GET /api/routines/{slug}", HttpStatusCode.NotFound, c => GetAsync(c, "/api/routines/no-such-routine")),
        ["FHIR questionnaire"] = new("GET /fhir/Questionnaire", HttpStatusCode.OK, c => GetAsync(c, "/fhir/Questionnaire")),
        ["FHIR extension"] = new("GET /fhir/StructureDefinition/{id}", HttpStatusCode.OK, c => GetAsync(c, "/fhir/StructureDefinition/score-is-rules-points")),
        ["FHIR extension, unknown id"] = new("GET /fhir/StructureDefinition/{id}", HttpStatusCode.NotFound, c => GetAsync(c, "/fhir/StructureDefinition/no-such-extension")),
        ["FHIR result"] = new("GET /r/{token}/fhir", HttpStatusCode.OK, async c => await GetAsync(c, $"/r/{await NewTokenAsync(c)}/fhir")),
        ["FHIR result, unknown token"] = new("GET /r/{token}/fhir", HttpStatusCode.NotFound, c => GetAsync(c, "/r/AAAAAAAAAAAAAAAAAAAAAAAA/fhir")),
        ["FHIR result, runner's own copy"] = new("GET /m/{manage}/fhir", HttpStatusCode.OK, async c => await GetAsync(c, $"{(await RunnerResults.CreateAsync(c)).Manage}/fhir")),
        ["FHIR result, runner's own copy, unknown token"] = new("GET /m/{manage}/fhir", HttpStatusCode.NotFound, c => GetAsync(c, "/m/AAAAAAAAAAAAAAAAAAAAAAAA/fhir")),
        ["session"] = new("POST /api/manage/{manage}/sessions", HttpStatusCode.Created, async c => await LogSessionAsync(c, await NewManageAsync(c))),
        ["session, not valid"] = new("POST /api/manage/{manage}/sessions", HttpStatusCode.BadRequest, async c =>
            await c.PostAsync(new Uri($"/api/manage/{await NewManageAsync(c)}/sessions", UriKind.Relative), new StringContent("{\"routine\":\"hip-and-glute-strength\",\"painDuring\":12}", Encoding.UTF8, "application/json"))),
        ["session, not JSON"] = new("POST /api/manage/{manage}/sessions", HttpStatusCode.UnsupportedMediaType, async c =>
            await c.PostAsync(new Uri($"/api/manage/{await NewManageAsync(c)}/sessions", UriKind.Relative), new StringContent("pain", Encoding.UTF8, "text/plain"))),
        ["session, unknown token"] = new("POST /api/manage/{manage}/sessions", HttpStatusCode.NotFound, c => LogSessionAsync(c, "AAAAAAAAAAAAAAAAAAAAAAAA")),
        ["morning"] = new("PATCH /api/manage/{manage}/sessions/{id}", HttpStatusCode.OK, async c =>
        {
            var manage = await NewManageAsync(c);
            using var logged = await LogSessionAsync(c, manage);
            var id = (string)(await ApiClient.ReadJsonAsync(logged))["id"]!;
            return await c.PatchAsync(new Uri($"/api/manage/{manage}/sessions/{id}", UriKind.Relative), new StringContent("{\"painNextMorning\":1}", Encoding.UTF8, "application/json"));
        }),
        ["morning, not valid"] = new("PATCH /api/manage/{manage}/sessions/{id}", HttpStatusCode.BadRequest, async c =>
        {
            var manage = await NewManageAsync(c);
            using var logged = await LogSessionAsync(c, manage);
            var id = (string)(await ApiClient.ReadJsonAsync(logged))["id"]!;
            return await c.PatchAsync(new Uri($"/api/manage/{manage}/sessions/{id}", UriKind.Relative), new StringContent("{\"painNextMorning\":-1}", Encoding.UTF8, "application/json"));
        }),
        ["morning, not JSON"] = new("PATCH /api/manage/{manage}/sessions/{id}", HttpStatusCode.UnsupportedMediaType, c =>
            c.PatchAsync(new Uri("/api/manage/AAAAAAAAAAAAAAAAAAAAAAAA/sessions/AAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative), new StringContent("1", Encoding.UTF8, "text/plain"))),
        ["morning, unknown session"] = new("PATCH /api/manage/{manage}/sessions/{id}", HttpStatusCode.NotFound, async c =>
            await c.PatchAsync(new Uri($"/api/manage/{await NewManageAsync(c)}/sessions/AAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative), new StringContent("{\"painNextMorning\":1}", Encoding.UTF8, "application/json"))),
        ["recovery"] = new("GET /api/manage/{manage}/recovery", HttpStatusCode.OK, async c => await GetAsync(c, $"/api/manage/{await NewManageAsync(c)}/recovery")),
        ["run"] = new("POST /api/manage/{manage}/runs", HttpStatusCode.Created, async (c, today) => await LogRunAsync(c, await OpenLadderAsync(c, today))),
        ["run, stage not open"] = new("POST /api/manage/{manage}/runs", HttpStatusCode.Conflict, async c => await LogRunAsync(c, await NewManageAsync(c))),
        ["run morning"] = new("PATCH /api/manage/{manage}/runs/{id}", HttpStatusCode.OK, async (c, today) => await RunMorningAsync(c, today, "{\"painNextMorning\":1,\"swelling\":false}")),
        ["run morning, not valid"] = new("PATCH /api/manage/{manage}/runs/{id}", HttpStatusCode.BadRequest, async (c, today) => await RunMorningAsync(c, today, "{\"painNextMorning\":11}")),
        ["self-test"] = new("POST /api/manage/{manage}/self-tests", HttpStatusCode.Created, async (c, today) =>
            await c.PostAsync(new Uri($"/api/manage/{await NewManageAsync(c)}/self-tests", UriKind.Relative), new StringContent($"{{\"test\":\"single_leg_hop_10\",\"passed\":true,\"on\":\"{RunningLadder.Day(today, 0)}\"}}", Encoding.UTF8, "application/json"))),
        ["self-test, not valid"] = new("POST /api/manage/{manage}/self-tests", HttpStatusCode.BadRequest, async c =>
            await c.PostAsync(new Uri($"/api/manage/{await NewManageAsync(c)}/self-tests", UriKind.Relative), new StringContent("{\"test\":\"marathon\",\"passed\":true}", Encoding.UTF8, "application/json"))),
        ["recovery, unknown token"] = new("GET /api/manage/{manage}/recovery", HttpStatusCode.NotFound, c => GetAsync(c, "/api/manage/AAAAAAAAAAAAAAAAAAAAAAAA/recovery")),
    };

    private static async Task<string> NewManageAsync(HttpClient client) =>
        ((string)(await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()))["manageUrl"]!).Split("/m/")[1];

    private static Task<HttpResponseMessage> LogSessionAsync(HttpClient client, string manage) =>
        client.PostAsync(new Uri($"/api/manage/{manage}/sessions", UriKind.Relative),
            new StringContent("{\"routine\":\"hip-and-glute-strength\",\"painDuring\":2,\"usualPain\":1}", Encoding.UTF8, "application/json"));

    private static async Task<string> OpenLadderAsync(HttpClient client, DateOnly today)
    {
        var manage = await NewManageAsync(client);
        await RunningLadder.OpenAsync(client, manage, today);
        return manage;
    }

    private static Task<HttpResponseMessage> LogRunAsync(HttpClient client, string manage) =>
        client.PostAsync(new Uri($"/api/manage/{manage}/runs", UriKind.Relative),
            new StringContent("{\"stage\":1,\"completed\":true,\"painDuring\":1}", Encoding.UTF8, "application/json"));

    private static async Task<HttpResponseMessage> RunMorningAsync(HttpClient client, DateOnly today, string body)
    {
        var manage = await OpenLadderAsync(client, today);
        using var logged = await LogRunAsync(client, manage);
        var id = (string)(await ApiClient.ReadJsonAsync(logged))["id"]!;
        return await client.PatchAsync(new Uri($"/api/manage/{manage}/runs/{id}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
    }

    public static TheoryData<string> CallNames => [.. Calls.Keys];

    [Fact]
    public async Task The_document_is_openapi_3_1_and_names_the_configured_public_address_as_its_server()
    {
        using var client = factory.CreateClient();

        var contract = await OpenApiContract.ReadAsync(client);

        Assert.StartsWith("3.1", (string?)contract.Document["openapi"], StringComparison.Ordinal);
        Assert.Equal("KneeReset API", (string?)contract.Document["info"]?["title"]);
        Assert.Equal(["http://localhost/"], contract.Document["servers"]!.AsArray().Select(s => (string?)s!["url"]));
    }

    [Fact]
    public async Task Every_mapped_api_and_fhir_route_is_documented_and_nothing_else()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal) || e.Path == "/version" || e.Path.StartsWith("/fhir/", StringComparison.Ordinal) || e.Path.EndsWith("/fhir", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .Order().ToList();

        Assert.True(mapped.Count >= 9, $"only {mapped.Count} routes found: {string.Join(", ", mapped)}");
        Assert.Equal(mapped, contract.Operations.Order());
    }

    [Theory]
    [MemberData(nameof(CallNames))]
    public async Task A_real_response_matches_the_document(string name)
    {
        using var client = factory.CreateClient();
        var call = Calls[name];
        var contract = await OpenApiContract.ReadAsync(client);

        using var response = await call.SendAsync(client, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime));

        Assert.True(call.Status == response.StatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problems = await contract.ProblemsAsync(call.Operation, response);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Rate_limited_answers_match_the_document()
    {
        using var client = limited.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var token = await NewTokenAsync(client);
        using (await GetAsync(client, $"/api/assessments/{token}"))
        using (await ImportAsync(client, October()))
        {
        }

        var overTheLimit = new (string Operation, Func<Task<HttpResponseMessage>> SendAsync)[]
        {
            ("POST /api/assessments", () => client.PostAssessmentAsync(Vignettes.ClassicRunnersKnee())),
            ("GET /api/assessments/{token}", () => GetAsync(client, $"/api/assessments/{token}")),
            ("GET /r/{token}/fhir", () => GetAsync(client, $"/r/{token}/fhir")),
            ("POST /api/training/import", () => ImportAsync(client, October())),
        };

        foreach (var (operation, sendAsync) in overTheLimit)
        {
            using var response = await sendAsync();
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            var problems = await contract.ProblemsAsync(operation, response);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }

    [Fact]
    public async Task Every_documented_operation_is_called_for_a_success_and_for_each_kind_of_error_it_documents_but_429()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);

        foreach (var operation in contract.Operations)
        {
            var called = Calls.Values.Where(c => c.Operation == operation).Select(c => (int)c.Status).ToList();
            Assert.True(called.Any(s => s is >= 200 and < 300), $"no call to {operation} succeeds");
            var errors = contract.Statuses(operation).Select(int.Parse).Where(s => s >= 400 && s != 429 && s != 401).ToList();
            Assert.True(errors.Count == 0 || errors.Intersect(called).Any(), $"no call to {operation} gets one of its errors {string.Join(", ", errors)}");
        }
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    private static async Task<string> NewTokenAsync(HttpClient client) => ApiClient.TokenOf(await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()));

    /// <summary>8 km on four Wednesdays of October 2025, then 16 km on the 31st.</summary>
    private static byte[] October()
    {
        var day = new DateTimeOffset(2025, 10, 31, 7, 30, 0, TimeSpan.Zero);
        return Encoding.UTF8.GetBytes(TrainingFiles.Gpx11([.. new[] { -30, -23, -16, -9, 0 }.Select(d => new GeneratedRun(day.AddDays(d), d == 0 ? 16 : 8, TimeSpan.FromMinutes(45)))]));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[]? gpx = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent("2025-11-02"), "asOf" } };
        if (gpx is not null)
        {
            var file = new ByteArrayContent(gpx);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/gpx+xml");
            form.Add(file, "files", "october.gpx");
        }
        return await client.PostAsync(new Uri("/api/training/import", UriKind.Relative), form);
    }

    /// <summary>One of each rate-limited request passes; the next is over its limit.</summary>
    public sealed class LimitedApp() : KneeResetFactory(
    [
        new("RateLimits:AssessmentsPerMinute", "1"),
        new("RateLimits:TokenLookupsPerMinute", "1"),
        new("RateLimits:TrainingImportsPerMinute", "1"),
    ]);
}
