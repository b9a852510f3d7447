using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using KneeReset.Web.Fhir;
using Task = System.Threading.Tasks.Task;

namespace KneeReset.Web.Tests.Fhir;

/// <summary>
/// The FHIR export passes the FHIR R4 validator (Firely.Fhir.Validation.R4 over the base
/// specification) with no errors, every answer fits its Questionnaire item, and every extension it
/// uses is defined: by the base specification or by a StructureDefinition the app serves at its
/// canonical URL.
/// </summary>
public class FhirConformanceTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly FhirJsonDeserializer Parser = new();

    public static TheoryData<string> Cases => ["self_care", "see_clinician", "urgent", "every_question_answered", "empty_multi_selects"];

    [Fact]
    public async Task The_questionnaire_passes_the_validator()
    {
        using var client = factory.CreateClient();

        var (questionnaire, findings) = Read<Questionnaire>(await client.GetStringAsync(new Uri("/fhir/Questionnaire", UriKind.Relative)));

        findings.AddRange(Validate(client, questionnaire));
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_result_bundle_passes_the_validator_and_every_answer_fits_its_item(string kind)
    {
        using var client = factory.CreateClient();
        var (share, _) = await RunnerResults.CreateAsync(client, await ConformanceCases.AnswersAsync(client, kind));

        var (bundle, findings) = await CheckResultAsync(client, share);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        if (kind is "self_care" or "see_clinician" or "urgent")
        {
            Assert.Equal(kind, bundle.Entry.Select(e => e.Resource).OfType<RiskAssessment>().Single().Code!.Coding[0].Code);
        }
    }

    [Fact]
    public async Task A_result_with_imported_training_runs_passes_the_validator_and_every_answer_fits_its_item()
    {
        using var client = factory.CreateBrowser();
        var share = await ConformanceCases.WithImportedRunsAsync(client);

        var (bundle, findings) = await CheckResultAsync(client, share);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        var answers = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single().Item.SelectMany(g => g.Item);
        Assert.Equal(16m, ((FhirDecimal)answers.Single(i => i.LinkId == "longest_run_km_recent").Answer[0].Value!).Value);
    }

    [Fact]
    public async Task A_result_with_weekly_check_ins_passes_the_validator_with_a_response_and_observations_per_week()
    {
        using var client = factory.CreateBrowser();
        var (share, manage) = await RunnerResults.CreateAsync(client);
        var form = await HtmlForm.OpenAsync(client, manage, "form.check-in-form");
        using var saved = await form.Set("checkIn.WorstPain", "5").Set("checkIn.Activities[0].Name", "running 5 km").Set("checkIn.Activities[0].Score", "3")
            .Set("checkIn.Activities[1].Name", "stairs").Set("checkIn.Activities[1].Score", "6").SubmitAsync();
        Browser.AssertRedirect(saved);

        var (bundle, findings) = await CheckResultAsync(client, share);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        var weekly = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single(r => r.Questionnaire?.StartsWith(FhirCheckIns.Questionnaire, StringComparison.Ordinal) == true);
        Assert.Equal(5, ((Integer)weekly.Item.Single(i => i.LinkId == "worst_pain").Answer[0].Value!).Value);
        var activities = weekly.Item.Single(i => i.LinkId == "psfs").Item;
        Assert.Equal("running 5 km", ((FhirString)activities[0].Item[0].Answer[0].Value!).Value);
        Assert.Equal(6, ((Integer)activities[1].Item[1].Answer[0].Value!).Value);
        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        Assert.Equal(2, observations.Count);
        var pain = observations.Single(o => o.Code.Coding[0].Code == FhirCheckIns.WorstPainLoinc);
        Assert.Equal((FhirCheckIns.Loinc, 5m), (pain.Code.Coding[0].System, ((Quantity)pain.Value!).Value!.Value));
        Assert.Equal(4.5m, ((Quantity)observations.Single(o => o.Code.Coding[0].Code == FhirCheckIns.PsfsCode).Value!).Value);

        // The validator path catches a broken check-in: an Observation without its code or status fails.
        var broken = (Bundle)bundle.DeepCopy();
        var observation = broken.Entry.Select(e => e.Resource).OfType<Observation>().First();
        observation.Code = null!;
        observation.Status = null;
        Assert.NotEmpty(Validate(client, broken));
    }

    [Fact]
    public async Task Every_extension_the_export_uses_is_defined_by_the_specification_or_served_by_the_app()
    {
        using var client = factory.CreateClient();
        var (share, _) = await RunnerResults.CreateAsync(client, await ConformanceCases.AnswersAsync(client, "every_question_answered"));
        var documents = new[] { await client.GetStringAsync(new Uri("/fhir/Questionnaire", UriKind.Relative)), await client.GetStringAsync(new Uri(share + "/fhir", UriKind.Relative)) };

        var used = documents.SelectMany(d => ExtensionUrls(JsonNode.Parse(d))).Distinct().Order().ToList();

        Assert.NotEmpty(used);
        foreach (var url in used)
        {
            if (await FhirValidation.Specification.FindStructureDefinitionAsync(url) is not null)
            {
                continue;
            }
            Assert.StartsWith(FhirValidation.AppCanonicalBase, url, StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(new Uri(url).AbsolutePath, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} is not served at its path: {(int)response.StatusCode}");
            Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
            var (definition, findings) = Read<StructureDefinition>(await response.Content.ReadAsStringAsync());
            findings.AddRange(Validate(client, definition));
            Assert.True(findings.Count == 0, string.Join("\n", findings));
            Assert.Equal((url, "Extension"), (definition.Url, definition.Type));
        }
    }

    /// <summary>The result's Bundle read, validated and its answers checked against the Questionnaire; every finding in one list.</summary>
    private static async Task<(Bundle Bundle, List<string> Findings)> CheckResultAsync(HttpClient client, string share)
    {
        using var response = await client.GetAsync(new Uri(share + "/fhir", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (bundle, findings) = Read<Bundle>(await response.Content.ReadAsStringAsync());
        findings.AddRange(Validate(client, bundle));
        var (questionnaire, _) = Read<Questionnaire>(await client.GetStringAsync(new Uri("/fhir/Questionnaire", UriKind.Relative)));
        // The check's own response; weekly check-ins answer their own questionnaire.
        var answered = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().Single(r => r.Questionnaire?.StartsWith(FhirCheckIns.Questionnaire, StringComparison.Ordinal) != true);
        findings.AddRange(AnswerFit.Problems(questionnaire, answered).Select(p => $"Answer: {p}"));
        return (bundle, findings);
    }

    /// <summary>Parsed as far as it goes: what the strict parser refuses is a finding, not an exception.</summary>
    private static (T Resource, List<string> Findings) Read<T>(string json) where T : Resource
    {
        Parser.TryDeserializeResource(json, out var resource, out var issues);
        return ((T)resource!, issues.Select(i => $"Parse: {i.Message}").ToList());
    }

    /// <summary>Errors and warnings alike: an unresolved extension is only a warning to the validator.</summary>
    private static IEnumerable<string> Validate(HttpClient client, Resource resource) =>
        FhirValidation.Findings(FhirValidation.For(client).Validate(resource),
            OperationOutcome.IssueSeverity.Fatal, OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueSeverity.Warning);

    private static IEnumerable<string> ExtensionUrls(JsonNode? node) => node switch
    {
        JsonObject o => (o["extension"] as JsonArray ?? []).Select(e => (string)e!["url"]!)
            .Concat(o.SelectMany(p => ExtensionUrls(p.Value))),
        JsonArray a => a.SelectMany(ExtensionUrls),
        _ => [],
    };
}
