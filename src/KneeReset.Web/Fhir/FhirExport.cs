using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeReset.Core;
using KneeReset.Core.Questionnaire;
using KneeReset.Web.Assessments;
using KneeReset.Web.Content;
using FhirQuestionnaire = Hl7.Fhir.Model.Questionnaire;

namespace KneeReset.Web.Fhir;

/// <summary>
/// FHIR R4 with the Firely SDK: the question bank as a Questionnaire, and a result as a
/// collection Bundle holding an anonymous Patient, the QuestionnaireResponse (every answer,
/// pointing at the canonical Questionnaire), a RiskAssessment (the computed result) and the
/// series' weekly check-ins (<see cref="FhirCheckIns"/>).
/// </summary>
public sealed class FhirExport(ContentCatalog content, TimeProvider clock)
{
    public const string MediaType = "application/fhir+json";
    public const string Canonical = "https://kneereset.app/fhir/Questionnaire/kneereset";
    /// <summary>Code systems for the vocabulary's values, one per question: {base}/{question id}.</summary>
    public const string VocabularySystem = "https://kneereset.app/fhir/CodeSystem/";
    public const string NoneCode = "none";
    /// <summary>How an empty list reads where the question names no "none of these" answer of its own.</summary>
    public const string DefaultNoneLabel = "None of these";

    public static JsonSerializerOptions JsonOptions { get; } = new JsonSerializerOptions().ForFhir();

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), JsonOptions);

    public FhirQuestionnaire Questionnaire()
    {
        var bank = content.Questions;
        return new FhirQuestionnaire
        {
            Id = "kneereset",
            Url = Canonical,
            Version = bank.Version,
            Name = "KneeResetKneePainAfterRunning",
            Title = "KneeReset: knee pain after running",
            Status = PublicationStatus.Active,
            SubjectType = [ResourceType.Patient],
            Item = bank.Steps.Select(step => new FhirQuestionnaire.ItemComponent
            {
                LinkId = StepLinkId(step),
                Text = step.Title,
                Type = FhirQuestionnaire.QuestionnaireItemType.Group,
                Item = step.Questions.Select(q => Item(step, q)).ToList(),
            }).ToList(),
        };
    }

    private static FhirQuestionnaire.ItemComponent Item(QuestionStep step, Question q)
    {
        var item = new FhirQuestionnaire.ItemComponent
        {
            LinkId = q.Id,
            Text = q.Prompt,
            // A step urgent answers skip can't be required in every response (FHIR has no "unless urgent").
            Required = q.Required && !step.SkipWhenUrgent,
            Repeats = q.Kind == QuestionKind.Multi,
            Type = q.Kind switch
            {
                QuestionKind.Integer => FhirQuestionnaire.QuestionnaireItemType.Integer,
                QuestionKind.Number => FhirQuestionnaire.QuestionnaireItemType.Decimal,
                QuestionKind.Boolean => FhirQuestionnaire.QuestionnaireItemType.Boolean,
                _ => FhirQuestionnaire.QuestionnaireItemType.Choice,
            },
            AnswerOption = q.Options.Select(o => new FhirQuestionnaire.AnswerOptionComponent { Value = new Coding(VocabularySystem + q.Id, o.Value, o.Label) }).ToList(),
        };
        if (q.AcceptsNone())
        {
            item.AnswerOption.Add(new FhirQuestionnaire.AnswerOptionComponent { Value = NoneOf(q) });
        }
        if (q.Min is { } min)
        {
            item.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/minValue", q.Kind == QuestionKind.Integer ? new Integer((int)min) : new FhirDecimal((decimal)min)));
        }
        if (q.Max is { } max)
        {
            item.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/maxValue", q.Kind == QuestionKind.Integer ? new Integer((int)max) : new FhirDecimal((decimal)max)));
        }
        if (q.Unit is { } unit)
        {
            item.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/questionnaire-unit", new Coding("http://unitsofmeasure.org", UcumUnit(unit), unit)));
        }
        return item;
    }

    private static string UcumUnit(string unit) => unit switch
    {
        "years" => "a",
        "weeks" => "wk",
        "points" => "{score}",
        _ => unit,
    };

    /// <param name="checkIns">The series' weekly check-ins, oldest first; none when not given.</param>
    public Bundle Result(LoadedAssessment record, Uri resultUrl, IReadOnlyList<KneeReset.Core.Outcomes.WeeklyCheckIn>? checkIns = null)
    {
        var patientId = Guid.NewGuid();
        var responseId = Guid.NewGuid();
        var riskId = Guid.NewGuid();
        var patientRef = new ResourceReference($"urn:uuid:{patientId}");
        var bank = content.Questions;
        var result = record.Outcome.Result;
        var authored = record.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

        // No name or email exists: the runner is an anonymous patient, with a nickname if they gave one.
        var patient = new Patient
        {
            Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">An anonymous runner</div>" },
        };
        if (record.Stored.Nickname is { } nickname)
        {
            patient.Name.Add(new HumanName { Text = nickname, Use = HumanName.NameUse.Nickname });
        }

        var response = new QuestionnaireResponse
        {
            Questionnaire = $"{Canonical}|{record.QuestionnaireVersion}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = patientRef,
            Authored = authored,
            Item = bank.Steps
                .Select(step => new QuestionnaireResponse.ItemComponent
                {
                    LinkId = StepLinkId(step),
                    Text = step.Title,
                    Item = step.Questions.Where(q => record.Answers[q.Id] is not null)
                        .Select(q => new QuestionnaireResponse.ItemComponent { LinkId = q.Id, Text = q.Prompt, Answer = Answers(q, record.Answers[q.Id]!) })
                        .ToList(),
                })
                .Where(group => group.Item.Count > 0)
                .ToList(),
        };

        var risk = new RiskAssessment
        {
            Status = ObservationStatus.Final,
            Subject = patientRef,
            Occurrence = new FhirDateTime(authored),
            Basis = [new ResourceReference($"urn:uuid:{responseId}")],
            Method = new CodeableConcept(VocabularySystem + "rules", result.RulesVersion, $"KneeReset rules {result.RulesVersion}"),
            Code = new CodeableConcept(VocabularySystem + "triage", Vocabulary.Word(result.Triage), $"Triage: {Vocabulary.Word(result.Triage)}"),
            Prediction = result.Causes.Select(c => new RiskAssessment.PredictionComponent
            {
                Outcome = new CodeableConcept(VocabularySystem + "cause", c.Cause, content.CauseName(c.Cause)),
                QualitativeRisk = new CodeableConcept(VocabularySystem + "band", Vocabulary.Word(c.Band), Vocabulary.Word(c.Band)),
                // FHIR has no empty strings: a cause nothing spoke for has no rationale.
                Rationale = NullIfEmpty(string.Join("; ", c.Evidence.Select(e => $"{e.Text} ({e.Weight.ToString("+0.#;-0.#", CultureInfo.InvariantCulture)})"))),
                Probability = new FhirDecimal((decimal)c.Score),
            }).ToList(),
            // How soon leads the mitigation, where a reader looks for what to do: "How soon (within_two_days): Within 48 hours: ...".
            Mitigation = NullIfEmpty(string.Join(" ", (result.HowSoon is { } howSoon
                    ? [$"How soon ({Vocabulary.Word(howSoon)}): {content.Rules.RuleSet.Words(howSoon)}"]
                    : Array.Empty<string>())
                .Concat(result.TriageReasons.Select(r => r.Text)))),
            Note = [new Annotation { Text = $"Not a diagnosis. Top cause: {(result.TopCause is null ? "none" : content.CauseName(result.TopCause))}. Result: {resultUrl}" }],
        };
        // The score is a rules score, not a probability: say so in the unit-free decimal's meaning.
        foreach (var prediction in risk.Prediction)
        {
            prediction.Extension.Add(new Extension(FhirExtensions.ScoreIsRulesPoints, new FhirBoolean(true)));
        }

        return new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Timestamp = clock.GetUtcNow(),
            Entry =
            [
                new Bundle.EntryComponent { FullUrl = $"urn:uuid:{patientId}", Resource = patient },
                new Bundle.EntryComponent { FullUrl = $"urn:uuid:{responseId}", Resource = response },
                new Bundle.EntryComponent { FullUrl = $"urn:uuid:{riskId}", Resource = risk },
                .. FhirCheckIns.Entries(checkIns ?? [], content.Outcomes, patientRef, content.Outcomes.Version),
            ],
        };
    }

    private static List<QuestionnaireResponse.AnswerComponent> Answers(Question q, AnswerValue value)
    {
        DataType One() => q.Kind switch
        {
            QuestionKind.Integer => new Integer((int)value.Number!.Value),
            QuestionKind.Number => new FhirDecimal((decimal)value.Number!.Value),
            QuestionKind.Boolean => new FhirBoolean(value.Flag!.Value),
            _ => throw new InvalidOperationException("choices are listed"),
        };
        if (!q.IsChoice)
        {
            return [new QuestionnaireResponse.AnswerComponent { Value = One() }];
        }
        if (value.Choices.Count == 0)
        {
            return [new QuestionnaireResponse.AnswerComponent { Value = NoneOf(q) }];
        }
        return value.Choices.Select(c => new QuestionnaireResponse.AnswerComponent { Value = new Coding(VocabularySystem + q.Id, c, q.Option(c)?.Label) }).ToList();
    }

    /// <summary>
    /// A step's group: its own linkId space ("step-form"), since a step and one of its questions
    /// may share an id and FHIR wants every linkId unique (que-2).
    /// </summary>
    private static string StepLinkId(QuestionStep step) => $"step-{step.Id}";

    /// <summary>The empty list as an answer: the "none" option every list that takes one offers.</summary>
    private static Coding NoneOf(Question q) => new(VocabularySystem + q.Id, NoneCode, q.NoneLabel ?? DefaultNoneLabel);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
