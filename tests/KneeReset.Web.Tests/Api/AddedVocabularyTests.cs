using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeReset.Web.Areas.Staff.StaffIdentity;
using Task = System.Threading.Tasks.Task;

namespace KneeReset.Web.Tests.Api;

/// <summary>
/// The ids and values the project added beyond the shared vocabulary (docs/answer-vocabulary.md):
/// the OpenAPI document lists them with their values, the API takes and returns them, and the
/// clinical view and the FHIR export show them like every other answer.
/// </summary>
public class AddedVocabularyTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    /// <summary>Each added id with the values the document must list for it.</summary>
    public static TheoryData<string, string[]> Added => new()
    {
        { "health_background", ["recent_knee_surgery", "recent_immobilisation", "blood_thinners", "cancer_now", "cancer_past"] },
        { "pregnancy", ["no", "pregnant", "recently_gave_birth", "prefer_not_to_say"] },
        { "pain_elsewhere", ["hip_or_groin", "thigh"] },
        { "pain_trend", ["getting_better", "about_the_same", "getting_worse", "worse_despite_rest"] },
        { "swelling", ["came_on_gradually", "keeps_coming_back"] },
        { "tried", ["rest", "ice_or_heat", "stretching", "exercises_under_6_weeks", "exercises_6_weeks_or_more", "physio", "painkillers", "insoles", "knee_support", "injection"] },
        { "morning_stiffness_duration", ["under_30_minutes", "30_minutes_or_more"] },
    };

    /// <summary>A runner with kneecap pain who also answered every added question.</summary>
    private static JsonObject WithAddedAnswers()
    {
        var answers = RunnerResults.KneecapAnswers();
        answers["health_background"] = new JsonArray("blood_thinners", "cancer_past");
        answers["pregnancy"] = "prefer_not_to_say";
        answers["pain_elsewhere"] = new JsonArray("thigh");
        answers["pain_trend"] = "about_the_same";
        answers["swelling"] = new JsonArray("keeps_coming_back");
        answers["tried"] = new JsonArray("exercises_6_weeks_or_more", "insoles");
        answers["morning_stiffness_duration"] = "30_minutes_or_more";
        return answers;
    }

    [Theory]
    [MemberData(nameof(Added))]
    public async Task The_document_lists_each_added_id_with_its_values(string id, string[] values)
    {
        using var client = factory.CreateClient();

        var contract = await OpenApiContract.ReadAsync(client);

        var property = contract.Document["components"]!["schemas"]!["Answers"]!["properties"]![id];
        Assert.NotNull(property);
        var listed = (property["items"]?["enum"] ?? property["enum"])!.AsArray().Where(v => v is not null).Select(v => (string)v!).ToList();
        Assert.Equal(values, listed);
        Assert.DoesNotContain(id, contract.Document["components"]!["schemas"]!["Answers"]!["required"]?.AsArray().Select(r => (string?)r) ?? []);
    }

    [Fact]
    public async Task The_document_lists_the_added_red_flags()
    {
        using var client = factory.CreateClient();

        var contract = await OpenApiContract.ReadAsync(client);

        var flags = contract.Document["components"]!["schemas"]!["Answers"]!["properties"]!["red_flags"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v).ToList();
        Assert.Contains("cannot_straight_leg_raise", flags);
        Assert.Contains("cold_pale_foot", flags);
        Assert.Contains("locked_now", flags);
    }

    [Fact]
    public async Task Answers_with_every_added_id_are_stored_returned_and_routed_as_the_document_says()
    {
        using var client = factory.CreateClient();
        var contract = await OpenApiContract.ReadAsync(client);
        var answers = WithAddedAnswers();

        using var response = await client.PostAssessmentAsync(answers);
        var problems = await contract.ProblemsAsync("POST /api/assessments", response);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var created = await ApiClient.ReadJsonAsync(response);

        var stored = created["answers"]!.AsObject();
        foreach (var id in new[] { "health_background", "pregnancy", "pain_elsewhere", "pain_trend", "swelling", "tried", "morning_stiffness_duration" })
        {
            Assert.True(JsonNode.DeepEquals(answers[id], stored[id]), $"{id}: sent {answers[id]?.ToJsonString()}, back {stored[id]?.ToJsonString()}");
        }
        // Swelling on a blood thinner is the quickest of the rules that hold.
        Assert.Equal("see_clinician", (string?)created["triage"]);
        Assert.Equal("within_two_days", (string?)created["timeFrame"]);
        var rules = created["triageReasons"]!.AsArray().Select(r => (string?)r!["rule"]).ToList();
        Assert.Equal("blood_thinners_swelling", rules[0]);
        Assert.Contains("knee_swelling", rules);
        Assert.Contains("long_morning_stiffness", rules);
        Assert.Contains("no_better_after_exercise", rules);
    }

    [Theory]
    [InlineData("pregnancy", "\"maybe\"")]
    [InlineData("health_background", "[\"recent_knee_surgery\", \"broken_leg\"]")]
    [InlineData("pain_trend", "[\"getting_worse\"]")]
    public async Task An_added_id_with_a_value_it_does_not_have_is_a_problem_naming_it(string id, string value)
    {
        using var client = factory.CreateClient();
        var answers = RunnerResults.KneecapAnswers();
        answers[id] = JsonNode.Parse(value);

        using var response = await client.PostAssessmentAsync(answers);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.Parse(body)!["errors"]!.AsObject().ContainsKey(id), body);
    }

    [Fact]
    public async Task The_clinical_view_and_the_fhir_export_show_the_added_answers_with_their_labels_and_codes()
    {
        using var runner = factory.CreateClient();
        var (share, _) = await RunnerResults.CreateAsync(runner, WithAddedAnswers());
        using var clinician = factory.SignedIn(StaffRoles.Clinician);

        var answers = (await clinician.GetPageAsync(share)).QuerySelector(".clinical table.answers")!.TextContent;
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await runner.GetStringAsync(new Uri(share + "/fhir", UriKind.Relative)));

        Assert.Contains("I take a blood thinner (blood_thinners)", answers, StringComparison.Ordinal);
        Assert.Contains("I'd rather not say (prefer_not_to_say)", answers, StringComparison.Ordinal);
        Assert.Contains("Half an hour or more (30_minutes_or_more)", answers, StringComparison.Ordinal);
        Assert.Contains("Strengthening exercises, done regularly for 6 weeks or more (exercises_6_weeks_or_more)", answers, StringComparison.Ordinal);
        var items = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single().Item.SelectMany(g => g.Item).ToList();
        IEnumerable<string?> Codes(string id) => items.Single(i => i.LinkId == id).Answer.Select(a => (a.Value as Coding)?.Code);
        Assert.Equal(["blood_thinners", "cancer_past"], Codes("health_background"));
        Assert.Equal(["prefer_not_to_say"], Codes("pregnancy"));
        Assert.Equal(["exercises_6_weeks_or_more", "insoles"], Codes("tried"));
    }
}
