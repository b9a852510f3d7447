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
