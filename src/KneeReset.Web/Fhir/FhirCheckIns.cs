using System.Globalization;
using Hl7.Fhir.Model;
using KneeReset.Core.Outcomes;

namespace KneeReset.Web.Fhir;

/// <summary>
/// The weekly check-ins in the export: per week a QuestionnaireResponse (worst pain and each PSFS
/// activity with its rating) and Observations derived from it. Worst pain carries LOINC 72514-3
/// (pain severity, 0-10 verbal numeric rating, reported); the PSFS mean has no LOINC code we could
/// confirm, so it is coded in the app's own system and named in text.
/// </summary>
public static class FhirCheckIns
{
    public const string Questionnaire = "https://kneereset.app/fhir/Questionnaire/weekly-check-in";
    public const string Loinc = "http://loinc.org";
    public const string WorstPainLoinc = "72514-3";
    public const string PsfsCode = "psfs_mean";

    public static IEnumerable<Bundle.EntryComponent> Entries(IReadOnlyList<WeeklyCheckIn> checkIns, OutcomeMeasures measures, ResourceReference patient, string version)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(measures);
        foreach (var week in checkIns)
        {
            var responseId = $"urn:uuid:{Guid.NewGuid()}";
            var period = new Period(new FhirDateTime(Day(week.Week.Monday)), new FhirDateTime(Day(week.Week.Monday.AddDays(6))));
            var response = new QuestionnaireResponse
            {
                Questionnaire = $"{Questionnaire}|{version}",
                Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
                Subject = patient,
                Authored = Day(week.Week.Monday),
                Item = [new QuestionnaireResponse.ItemComponent { LinkId = "week", Text = "Week (ISO 8601)", Answer = [new() { Value = new FhirString(week.Week.ToString()) }] },
                    new QuestionnaireResponse.ItemComponent { LinkId = "worst_pain", Text = measures.WorstPain.Question, Answer = [new() { Value = new Integer(week.WorstPain) }] }],
            };
            if (week.Activities.Count > 0)
            {
                response.Item.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = "psfs",
                    Text = measures.Psfs.Name,
                    Item = week.Activities.Select((a, i) => new QuestionnaireResponse.ItemComponent
                    {
                        LinkId = $"psfs-{i + 1}",
                        Text = $"Activity {i + 1}",
                        Item =
                        [
                            new() { LinkId = $"psfs-{i + 1}-activity", Text = "Activity", Answer = [new() { Value = new FhirString(a.Name) }] },
                            new() { LinkId = $"psfs-{i + 1}-score", Text = "Rating now (0 unable, 10 as before the injury)", Answer = [new() { Value = new Integer(a.Score) }] },
                        ],
                    }).ToList(),
                });
            }
            yield return new Bundle.EntryComponent { FullUrl = responseId, Resource = response };
            yield return Entry(Score(new CodeableConcept(Loinc, WorstPainLoinc, "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "Worst knee pain this week"),
                week.WorstPain, period, patient, responseId));
            if (week.Psfs is { } psfs)
            {
                yield return Entry(Score(new CodeableConcept(FhirExport.VocabularySystem + "outcome", PsfsCode, "Patient-Specific Functional Scale, mean of the activity ratings", measures.Psfs.Name + ", mean score"),
                    psfs, period, patient, responseId));
            }
        }
    }

    private static Observation Score(CodeableConcept code, double value, Period week, ResourceReference patient, string responseId) => new()
    {
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")],
        Code = code,
        Subject = patient,
        Effective = week,
        Value = new Quantity((decimal)value, "{score}") { Unit = "score" },
        DerivedFrom = [new ResourceReference(responseId)],
    };

    private static Bundle.EntryComponent Entry(Resource resource) => new() { FullUrl = $"urn:uuid:{Guid.NewGuid()}", Resource = resource };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
