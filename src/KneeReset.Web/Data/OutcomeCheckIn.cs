using System.Text.Json;
using KneeReset.Core;
using KneeReset.Core.Outcomes;

namespace KneeReset.Web.Data;

/// <summary>A weekly check-in (worst pain, PSFS ratings); goes with the assessment it belongs to. One per week per series.</summary>
public sealed class OutcomeCheckIn
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public StoredAssessment Assessment { get; set; } = null!;
    /// <summary>The ISO week it is for, e.g. "2026-W50".</summary>
    public required string Week { get; set; }
    /// <summary>When it was last saved: a second check-in the same week replaces the first.</summary>
    public DateTimeOffset SavedAt { get; set; }
    public int WorstPain { get; set; }
    /// <summary>The PSFS activities and ratings, as a JSON array of {name, score}; "[]" when none were named.</summary>
    public string ActivitiesJson { get; set; } = "[]";

    public IReadOnlyList<PsfsActivity> Activities
    {
        get => JsonSerializer.Deserialize<List<PsfsActivity>>(ActivitiesJson, ContentJson.Options) ?? [];
        set => ActivitiesJson = JsonSerializer.Serialize(value, ContentJson.Options);
    }

    /// <summary>The check-in as the outcome rules read it.</summary>
    public WeeklyCheckIn ToCheckIn() =>
        new(IsoWeek.TryParse(Week, out var week) ? week : throw new InvalidOperationException($"Stored week '{Week}' is not an ISO week."), WorstPain, Activities);
}
