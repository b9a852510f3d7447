using System.Globalization;
using System.Text.Json;
using KneeReset.Core;
using KneeReset.Web.Areas.Staff;
using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeReset.Web.FollowUp;

/// <summary>One routine in a clinician's plan, with the dosage the clinician set.</summary>
public sealed record PlanItem(string Routine, string Title, string? Dosage, string? Note);

public sealed record PlanView(ClinicianPlan Plan, IReadOnlyList<PlanItem> Items);

/// <summary>A clinician's plan for a result: read, saved (with an audit entry) and marked as seen by the runner.</summary>
public sealed class ClinicianPlans(KneeResetDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<PlanView?> FindAsync(int assessmentId, CancellationToken cancellationToken)
    {
        var plan = await db.ClinicianPlans.AsNoTracking().FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        return plan is null ? null : new PlanView(plan, JsonSerializer.Deserialize<List<PlanItem>>(plan.ItemsJson, ContentJson.Options) ?? []);
    }

    public async Task SaveAsync(int assessmentId, string clinician, string? note, string? avoid, DateOnly? review, IReadOnlyList<PlanItem> items, CancellationToken cancellationToken)
    {
        var plan = await db.ClinicianPlans.FirstOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        if (plan is null)
        {
            plan = new ClinicianPlan { AssessmentId = assessmentId, Clinician = clinician };
            db.ClinicianPlans.Add(plan);
        }
        plan.Clinician = clinician;
        plan.Note = note;
        plan.Avoid = avoid;
        plan.ReviewDate = review;
        plan.ItemsJson = JsonSerializer.Serialize(items, ContentJson.Options);
        plan.Version += 1;
        plan.UpdatedAt = clock.GetUtcNow();
        audit.Record(clinician, "plan.saved", $"assessment {assessmentId}", $"version {plan.Version}: {items.Count} routines, review {review?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The newest plan in a runner's series, with what the runner last saw of it. Plans belong to one
    /// check each (retention removes a check with its plan), so a re-take carries this one over as a copy.
    /// </summary>
    public async Task<(ClinicianPlan Plan, string? SeenJson)?> NewestInSeriesAsync(string seriesKey, CancellationToken cancellationToken)
    {
        var newest = await db.ClinicianPlans.AsNoTracking().Where(p => p.Assessment.SeriesKey == seriesKey).OrderByDescending(p => p.AssessmentId)
            .Select(p => new { Plan = p, p.Assessment.PlanSeenJson }).FirstOrDefaultAsync(cancellationToken);
        return newest is null ? null : (newest.Plan, newest.PlanSeenJson);
    }

    /// <summary>The plan, unchanged and dated as the clinician wrote it, for a re-take of the check it was written for.</summary>
    public static ClinicianPlan CarriedOver(ClinicianPlan plan, StoredAssessment retake) => new()
    {
        Assessment = retake,
        Clinician = plan.Clinician,
        Note = plan.Note,
        Avoid = plan.Avoid,
        ReviewDate = plan.ReviewDate,
        ItemsJson = plan.ItemsJson,
        Version = plan.Version,
        UpdatedAt = plan.UpdatedAt,
    };

    /// <summary>Whether the plan was written before this check (carried over by a re-take): still in force until the clinician changes it.</summary>
    public static bool IsCarriedOver(PlanView plan, StoredAssessment shownWith) => plan.Plan.UpdatedAt < shownWith.CreatedAt;

    /// <summary>Remembers the plan as the runner has now seen it.</summary>
    public async Task MarkSeenAsync(StoredAssessment stored, PlanView? plan, CancellationToken cancellationToken)
    {
        if (plan is null)
        {
            return;
        }
        var entity = await db.Assessments.FirstAsync(a => a.Id == stored.Id, cancellationToken);
        entity.PlanSeenJson = Json(plan);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The plan in a stable JSON shape, to compare what the runner saw with what is there now.</summary>
    public static string Json(PlanView plan) => JsonSerializer.Serialize(new
    {
        note = plan.Plan.Note,
        avoid = plan.Plan.Avoid,
        reviewDate = plan.Plan.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        routines = plan.Items.Select(i => new { routine = i.Title, dosage = i.Dosage, note = i.Note }),
    }, ContentJson.Options);
}
