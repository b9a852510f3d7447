using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KneeReset.Web.Tests.Api;

/// <summary>POST /api/assessments and GET /api/assessments/{token}.</summary>
public partial class AssessmentsApiTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    /// <summary>The least a valid assessment needs: the four required answers.</summary>
    private static JsonObject RequiredOnly() => new()
    {
        ["location"] = new JsonArray("front_kneecap"),
        ["onset"] = "gradual",
        ["worst_pain"] = 3,
        ["red_flags"] = new JsonArray(),
    };

    private static JsonObject With(JsonObject answers, string id, JsonNode? value)
    {
        answers[id] = value;
        return answers;
    }

    // ---- bad input: 400 problem naming the field ----

    [Fact]
    public async Task Post_with_malformed_json_returns_400_naming_the_body()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostRawAsync("{\"answers\": {\"onset\": ");

        await AssertNamesFieldAsync(response, "body");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"answers\"")]
    [InlineData("42")]
    public async Task Post_with_a_body_that_is_not_an_object_returns_400_naming_answers(string body)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostRawAsync(body);

        await AssertNamesFieldAsync(response, "answers");
    }

    [Fact]
    public async Task Post_without_answers_returns_400_naming_answers()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostRawAsync("{\"replies\": {}}");

        await AssertNamesFieldAsync(response, "answers");
    }

    [Fact]
    public async Task Post_with_answers_not_an_object_returns_400_naming_answers()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostRawAsync("{\"answers\": [\"front_kneecap\"]}");

        await AssertNamesFieldAsync(response, "answers");
    }

    [Fact]
    public async Task Post_with_unknown_answer_id_returns_400_naming_the_field()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAssessmentAsync(With(RequiredOnly(), "elbow_pain", true));

        await AssertNamesFieldAsync(response, "elbow_pain");
    }

    [Theory]
    [InlineData("location", "[\"front_kneecap\", \"elbow\"]")]
    [InlineData("onset", "\"slowly\"")]
    [InlineData("red_flags", "[\"headache\"]")]
    [InlineData("training_changes", "[\"mileage_spike\", \"new_watch\"]")]
    public async Task Post_with_unknown_choice_value_returns_400_naming_the_field(string id, string value)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAssessmentAsync(With(RequiredOnly(), id, JsonNode.Parse(value)));

        await AssertNamesFieldAsync(response, id);
    }

    [Theory]
    [InlineData("age", "\"29\"")]
    [InlineData("location", "3")]
    [InlineData("location", "\"front_kneecap\"")]
    [InlineData("onset", "[\"gradual\"]")]
    [InlineData("single_leg_squat_knee_caves", "\"yes\"")]
    [InlineData("hip_flexors_tight", "1")]
    [InlineData("weekly_km_now", "\"25\"")]
    public async Task Post_with_wrong_type_returns_400_naming_the_field(string id, string value)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAssessmentAsync(With(RequiredOnly(), id, JsonNode.Parse(value)));

        await AssertNamesFieldAsync(response, id);
    }

    [Theory]
    [InlineData("age", 29.5)]
    [InlineData("worst_pain", 4.5)]
    [InlineData("duration_weeks", 2.5)]
    public async Task Post_with_non_integer_for_whole_number_returns_400_naming_the_field(string id, double value)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAssessmentAsync(With(RequiredOnly(), id, value));

        await AssertNamesFieldAsync(response, id);
    }

    [Theory]
    [InlineData("age", 7)]
    [InlineData("age", 101)]
    [InlineData("worst_pain", 11)]
    [InlineData("worst_pain", -1)]
    [InlineData("duration_weeks", 521)]
    [InlineData("knee_to_wall_cm", 30)]
    [InlineData("shoe_km", -5)]
    [InlineData("shoe_km", 5001)]
    [InlineData("weekly_km_now", 400.5)]
    public async Task Post_with_out_of_range_number_returns_400_naming_the_field(string id, double value)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAssessmentAsync(With(RequiredOnly(), id, value));

        await AssertNamesFieldAsync(response, id);
    }

    [Theory]
    [InlineData("location")]
    [InlineData("onset")]
    [InlineData("worst_pain")]
    [InlineData("red_flags")]
    public async Task Post_without_a_required_answer_returns_400_naming_it(string id)
    {
        using var client = factory.CreateBrowser();
        var answers = RequiredOnly();
        answers.Remove(id);

        using var response = await client.PostAssessmentAsync(answers);

        await AssertNamesFieldAsync(response, id);
    }

    [Fact]
    public async Task Urgent_answers_need_no_pain_score_as_the_questionnaire_skips_it_but_a_given_one_is_still_checked()
    {
        using var client = factory.CreateBrowser();
        var urgent = With(RequiredOnly(), "red_flags", new JsonArray("cannot_bear_weight"));
        urgent["onset"] = "sudden_injury";
        urgent.Remove("worst_pain");

        using var created = await client.PostAssessmentAsync(urgent);
        using var outOfRange = await client.PostAssessmentAsync(With(urgent, "worst_pain", 11));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urgent", (string?)body["triage"]);
        Assert.False(body["answers"]!.AsObject().ContainsKey("worst_pain"));
        await AssertNamesFieldAsync(outOfRange, "worst_pain");
    }

    [Fact]
    public async Task Post_with_empty_answers_names_every_required_answer()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAssessmentAsync([]);

        var errors = await AssertValidationProblemAsync(response);
        Assert.Equal(["location", "onset", "red_flags", "worst_pain"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Post_with_empty_location_returns_400_naming_location()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAssessmentAsync(With(RequiredOnly(), "location", new JsonArray()));

        await AssertNamesFieldAsync(response, "location");
    }

    [Fact]
    public async Task Post_with_oversized_body_returns_400_naming_the_body()
    {
        using var client = factory.CreateBrowser();
        var body = new JsonObject { ["answers"] = RequiredOnly(), ["padding"] = new string('x', 40 * 1024) }.ToJsonString();

        using var response = await client.PostRawAsync(body);

        await AssertNamesFieldAsync(response, "body");
    }

    [Fact]
    public async Task Post_with_oversized_body_of_unknown_length_returns_400_naming_the_body()
    {
        using var client = factory.CreateBrowser();
        var body = new JsonObject { ["answers"] = RequiredOnly(), ["padding"] = new string('x', 40 * 1024) }.ToJsonString();
        // No Content-Length: the server has to stop reading at the limit itself.
        using var content = new StreamContent(new UnseekableStream(System.Text.Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative), content);

        await AssertNamesFieldAsync(response, "body");
    }

    // ---- look-ups ----

    [Fact]
    public async Task Get_with_unknown_token_returns_404_problem()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/api/assessments/AAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (int?)(await ApiClient.ReadJsonAsync(response))["status"]);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has.dots.in.it.so.it.is.invalid")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA%21")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Get_with_malformed_token_returns_404(string token)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/api/assessments/{token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // ---- valid assessments ----

    [Fact]
    public async Task Post_returns_201_and_get_returns_the_same_assessment()
    {
        using var client = factory.CreateBrowser();

        var created = await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());
        var fetched = await client.GetAssessmentAsync(ApiClient.TokenOf(created));

        foreach (var field in new[] { "resultUrl", "triage", "triageReasons", "topCause", "causes", "findings", "trainingLoad", "routines", "rulesVersion", "questionnaireVersion", "answers" })
        {
            Assert.True(created.ContainsKey(field), $"The created assessment has no '{field}'.");
            Assert.True(JsonNode.DeepEquals(created[field], fetched[field]),
                $"'{field}' differs:\n posted: {created[field]?.ToJsonString()}\n got:    {fetched[field]?.ToJsonString()}");
        }
        Assert.Equal(DateTimeOffset.Parse((string)created["createdAt"]!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((string)fetched["createdAt"]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Post_returns_the_rules_version_and_scored_causes()
    {
        using var client = factory.CreateBrowser();

        var created = await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());

        Assert.False(string.IsNullOrWhiteSpace((string?)created["rulesVersion"]));
        var causes = created["causes"]!.AsArray();
        Assert.Equal(["form_mechanics", "it_band", "runners_knee", "tendon_overload"], causes.Select(c => (string)c!["cause"]!).Order());
        var top = causes[0]!;
        Assert.Equal("runners_knee", (string?)top["cause"]);
        Assert.NotEmpty(top["evidence"]!.AsArray());
        Assert.All(top["evidence"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace((string?)e!["text"])));
    }

    [Fact]
    public async Task Result_url_token_is_long_url_safe_and_unique()
    {
        using var client = factory.CreateBrowser();

        var first = ApiClient.TokenOf(await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()));
        var second = ApiClient.TokenOf(await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee()));

        Assert.Matches(UrlSafeToken(), first);
        Assert.Matches(UrlSafeToken(), second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Result_url_points_at_the_result_page()
    {
        using var client = factory.CreateBrowser();

        var created = await client.CreateAssessmentAsync(Vignettes.ClassicRunnersKnee());

        var url = new Uri((string)created["resultUrl"]!);
        Assert.True(url.IsAbsoluteUri);
        Assert.Equal($"/r/{ApiClient.TokenOf(created)}", url.AbsolutePath);
    }

    [Fact]
    public async Task Answers_come_back_in_km_with_the_same_values()
    {
        using var client = factory.CreateBrowser();
        var answers = Vignettes.ClassicRunnersKnee();
        answers["weekly_km_now"] = 32.5;
        answers["weekly_km_month_ago"] = 30;
        answers["longest_run_km_recent"] = 12.2;
        answers["longest_run_km_month_before"] = 11;
        answers["shoe_km"] = 612.4;
        answers["knee_to_wall_cm"] = 8.5;
        answers["hip_flexors_tight"] = false;
        answers["training_changes"] = new JsonArray("new_shoes", "added_hills");

        var created = await client.CreateAssessmentAsync(answers);
        var stored = (await client.GetAssessmentAsync(ApiClient.TokenOf(created)))["answers"]!.AsObject();

        Assert.Equal(answers.Select(a => a.Key).Order(), stored.Select(a => a.Key).Order());
        foreach (var (id, value) in answers)
        {
            AssertSameAnswer(id, value, stored[id]);
        }
    }

    [Fact]
    public async Task Null_answers_are_treated_as_unanswered()
    {
        using var client = factory.CreateBrowser();
        var answers = RequiredOnly();
        answers["age"] = null;
        answers["knee_to_wall_cm"] = null;

        var created = await client.CreateAssessmentAsync(answers);

        var stored = created["answers"]!.AsObject();
        Assert.False(stored.ContainsKey("age"));
        Assert.False(stored.ContainsKey("knee_to_wall_cm"));
    }

    // ---- helpers ----

    private static void AssertSameAnswer(string id, JsonNode? expected, JsonNode? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        switch (expected.GetValueKind())
        {
            case System.Text.Json.JsonValueKind.Number:
                Assert.Equal(Number(expected), Number(actual), 9);
                break;
            case System.Text.Json.JsonValueKind.Array:
                // Order of a multi-choice answer is not part of the contract.
                Assert.Equal(expected.AsArray().Select(v => (string)v!).Order(), actual.AsArray().Select(v => (string)v!).Order());
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{id}: posted {expected.ToJsonString()}, got {actual.ToJsonString()}");
                break;
        }
    }

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static async Task<JsonObject> AssertValidationProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(body)?["errors"] as JsonObject;
        Assert.NotNull(errors);
        return errors;
    }

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        var errors = await AssertValidationProblemAsync(response);
        Assert.True(errors.ContainsKey(field), $"errors names [{string.Join(", ", errors.Select(e => e.Key))}], not '{field}'");
        var messages = errors[field]!.AsArray();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace((string?)m)));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22,}$")]
    private static partial Regex UrlSafeToken();

    /// <summary>A body stream the client cannot measure, so it is sent without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
