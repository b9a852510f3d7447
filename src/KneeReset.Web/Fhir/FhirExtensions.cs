using Hl7.Fhir.Model;

namespace KneeReset.Web.Fhir;

/// <summary>
/// The extensions the export defines itself, each published as a StructureDefinition that the app
/// serves at the path of its canonical URL (GET /fhir/StructureDefinition/{id}), so a validator or
/// a reader can resolve what the extension means. Canonical URLs are names, not deployment
/// addresses: they stay on kneereset.app wherever the app runs.
/// </summary>
public static class FhirExtensions
{
    public const string Base = "https://kneereset.app/fhir/StructureDefinition/";

    /// <summary>On a RiskAssessment prediction: its probability holds the rules' score in points, not a probability.</summary>
    public const string ScoreIsRulesPoints = Base + "score-is-rules-points";

    private static readonly Dictionary<string, StructureDefinition> Definitions = new[]
    {
        BooleanExtension(ScoreIsRulesPoints, "ScoreIsRulesPoints", "Score is rules points",
            "RiskAssessment.prediction",
            "True when the prediction's probabilityDecimal holds KneeReset's rules score in points (the sum of the weights of the "
            + "evidence for the cause), not a probability. The score ranks causes for one runner; it is not a diagnosis."),
    }.ToDictionary(d => d.Id!, StringComparer.Ordinal);

    /// <summary>The definition with this id (the last segment of its canonical URL), or null.</summary>
    public static StructureDefinition? Find(string id) => Definitions.GetValueOrDefault(id);

    /// <summary>A simple extension holding one boolean, used on one element: the differential a validator builds its snapshot from.</summary>
    private static StructureDefinition BooleanExtension(string url, string name, string title, string context, string meaning) => new()
    {
        Id = url[Base.Length..],
        Url = url,
        Version = "1",
        Name = name,
        Title = title,
        Status = PublicationStatus.Active,
        Publisher = "KneeReset",
        Description = meaning,
        FhirVersion = FHIRVersion.N4_0_1,
        Kind = StructureDefinition.StructureDefinitionKind.ComplexType,
        Abstract = false,
        Context = [new StructureDefinition.ContextComponent { Type = StructureDefinition.ExtensionContextType.Element, Expression = context }],
        Type = "Extension",
        BaseDefinition = "http://hl7.org/fhir/StructureDefinition/Extension",
        Derivation = StructureDefinition.TypeDerivationRule.Constraint,
        Differential = new StructureDefinition.DifferentialComponent
        {
            Element =
            [
                new ElementDefinition("Extension") { ElementId = "Extension", Short = title, Definition = meaning, Min = 0, Max = "1" },
                new ElementDefinition("Extension.extension") { ElementId = "Extension.extension", Max = "0" },
                new ElementDefinition("Extension.url") { ElementId = "Extension.url", Fixed = new FhirUri(url) },
                new ElementDefinition("Extension.value[x]")
                {
                    ElementId = "Extension.value[x]",
                    Min = 1,
                    Type = [new ElementDefinition.TypeRefComponent { Code = "boolean" }],
                },
            ],
        },
    };
}
