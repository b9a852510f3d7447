using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeReset.Web.Content;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace KneeReset.Web.Tests.Fhir;

public class FhirExportTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly FhirJsonDeserializer Parser = new();

    [Fact]
    public async Task The_questionnaire_parses_and_holds_every_question()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/fhir/Questionnaire", UriKind.Relative));
        var questionnaire = Parser.Deserialize<Questionnaire>(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var items = questionnaire.Item.SelectMany(g => g.Item).ToList();
        var bank = (await client.GetFromJsonAsync<JsonObject>("/api/questionnaire"))!["steps"]!.AsArray()
            .SelectMany(s => s!["questions"]!.AsArray()).Select(q => (string)q!["id"]!).ToList();
        Assert.Equal(bank, items.Select(i => i.LinkId));
        Assert.Equal(Questionnaire.QuestionnaireItemType.Integer, items.Single(i => i.LinkId == "age").Type);
        Assert.True(items.Single(i => i.LinkId == "location").Repeats);
        Assert.Contains(items.Single(i => i.LinkId == "location").AnswerOption, o => ((Coding)o.Value).Code == "front_kneecap");
    }

    [Fact]
    public async Task A_result_round_trips_through_the_firely_parser_with_every_answer_intact()
    {
        using var client = factory.CreateClient();
        var answers = RunnerResults.KneecapAnswers();
        var (share, _) = await RunnerResults.CreateAsync(client, answers);

        using var response = await client.GetAsync(new Uri(share + "/fhir", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = Parser.Deserialize<Bundle>(await response.Content.ReadAsStringAsync());

        var qr = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single();
        var version = factory.Services.GetRequiredService<ContentCatalog>().Questions.Version;
        Assert.Equal($"https://kneereset.app/fhir/Questionnaire/kneereset|{version}", qr.Questionnaire);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, qr.Status);
        var back = new JsonObject();
        foreach (var item in qr.Item.SelectMany(g => g.Item))
        {
            back[item.LinkId!] = item.Answer.Select(a => a.Value).ToList() switch
            {
                [Integer i] => i.Value,
                [FhirDecimal d] => (double)d.Value!.Value,
                [FhirBoolean b] => b.Value,
                var codings when item.LinkId is "side" or "onset" or "character" => ((Coding)codings[0]!).Code,
                [Coding { Code: "none" }] => new JsonArray(),
                var codings => new JsonArray(codings.Select(c => (JsonNode?)((Coding)c!).Code).ToArray()),
            };
        }
        Assert.True(JsonNode.DeepEquals(answers, back), $"sent {answers.ToJsonString()}\nback {back.ToJsonString()}");

        var risk = bundle.Entry.Select(e => e.Resource).OfType<RiskAssessment>().Single();
        Assert.Equal(4, risk.Prediction.Count);
        var top = risk.Prediction.OrderByDescending(p => ((FhirDecimal)p.Probability!).Value).First();
        Assert.Equal("runners_knee", top.Outcome!.Coding[0].Code);
        Assert.Equal("likely", top.QualitativeRisk!.Coding[0].Code);
        Assert.Contains("kneecap", top.Rationale, StringComparison.Ordinal);
        Assert.Equal("self_care", risk.Code!.Coding[0].Code);
    }

    [Fact]
    public async Task A_result_bundle_is_stamped_by_the_app_clock()
    {
        using var client = factory.CreateClient();
        var (share, _) = await RunnerResults.CreateAsync(client, RunnerResults.KneecapAnswers());
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var before = factory.Clock.GetUtcNow();

        var bundle = Parser.Deserialize<Bundle>(await client.GetStringAsync(new Uri(share + "/fhir", UriKind.Relative)));

        // FHIR instants may drop fractions of a second.
        Assert.InRange(bundle.Timestamp!.Value, before.AddSeconds(-1), factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task The_risk_assessment_says_how_soon_first_in_its_mitigation_and_self_care_says_no_time_frame()
    {
        using var client = factory.CreateClient();
        var severe = RunnerResults.KneecapAnswers();
        severe["worst_pain"] = 9;
        var (soon, _) = await RunnerResults.CreateAsync(client, severe);
        var (selfCare, _) = await RunnerResults.CreateAsync(client, RunnerResults.KneecapAnswers());

        RiskAssessment Risk(string json) => Parser.Deserialize<Bundle>(json).Entry.Select(e => e.Resource).OfType<RiskAssessment>().Single();
        var soonRisk = Risk(await client.GetStringAsync(new Uri(soon + "/fhir", UriKind.Relative)));
        var selfCareRisk = Risk(await client.GetStringAsync(new Uri(selfCare + "/fhir", UriKind.Relative)));

        var words = factory.Services.GetRequiredService<ContentCatalog>().Rules.RuleSet.Words(Core.Rules.TimeFrame.WithinTwoDays);
        Assert.Equal("see_clinician", soonRisk.Code!.Coding[0].Code);
        Assert.StartsWith($"How soon (within_two_days): {words}", soonRisk.Mitigation, StringComparison.Ordinal);
        Assert.DoesNotContain("How soon", selfCareRisk.Mitigation, StringComparison.Ordinal);
    }
}
