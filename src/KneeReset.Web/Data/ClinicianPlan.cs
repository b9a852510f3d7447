namespace KneeReset.Web.Data;

/// <summary>A clinician's note and plan for a runner's assessment.</summary>
public sealed class ClinicianPlan
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public StoredAssessment Assessment { get; set; } = null!;
    public required string Clinician { get; set; }
    public string? Note { get; set; }
    public string? Avoid { get; set; }
    public DateOnly? ReviewDate { get; set; }
    /// <summary>The chosen routines with adjusted dosage: a JSON list of <c>PlanItem</c>.</summary>
    public string ItemsJson { get; set; } = "[]";
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>This plan, unchanged and dated as the clinician wrote it, for a re-take of the check it was written for.</summary>
    public ClinicianPlan CopyFor(StoredAssessment retake) => new()
    {
        Assessment = retake,
        Clinician = Clinician,
        Note = Note,
        Avoid = Avoid,
        ReviewDate = ReviewDate,
        ItemsJson = ItemsJson,
        Version = Version,
        UpdatedAt = UpdatedAt,
    };
}
