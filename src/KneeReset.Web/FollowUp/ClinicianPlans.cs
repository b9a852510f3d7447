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
        // The slug matches a routine across versions; the title is what older snapshots matched on.
        routines = plan.Items.Select(i => new { slug = i.Routine, routine = i.Title, dosage = i.Dosage, note = i.Note }),
    }, ContentJson.Options);
}

/// <summary>
/// What changed in a clinician's plan since the runner last saw it, in words a runner reads
/// ("Added: Dynamic warm-up.", "Tendon loading: now 2 × 15 (was 3 × 15)."). Routines are
/// matched by slug, not by their place in the list, so a routine moved or added in front of
/// another is never reported as that one removed.
/// </summary>
public static class PlanChanges
{
    private sealed record SeenRoutine(string? Slug, string? Routine, string? Dosage, string? Note);
    private sealed record SeenPlan(string? Note, string? Avoid, string? ReviewDate, List<SeenRoutine>? Routines);

    /// <param name="seenJson">The plan as the runner last saw it (<see cref="ClinicianPlans.Json"/>, stored on the result).</param>
    public static IReadOnlyList<string> Since(string seenJson, PlanView now)
    {
        SeenPlan? seen;
        try
        {
            seen = JsonSerializer.Deserialize<SeenPlan>(seenJson, ContentJson.Options);
        }
        catch (JsonException)
        {
            seen = null; // an unreadable snapshot: nothing to compare with, so nothing is called a change
        }
        if (seen is null)
        {
            return [];
        }
        var was = (seen.Routines ?? []).Where(r => r.Slug is not null || r.Routine is not null).ToList();
        var changes = new List<string>();

        // Older snapshots carry titles only: match those by title.
        SeenRoutine? Before(PlanItem item) =>
            was.FirstOrDefault(r => r.Slug == item.Routine) ?? was.FirstOrDefault(r => r.Slug is null && r.Routine == item.Title);
        var matched = now.Items.Select(i => (Item: i, Before: Before(i))).ToList();

        var added = matched.Where(m => m.Before is null).Select(m => m.Item.Title).ToList();
        if (added.Count > 0)
        {
            changes.Add($"Added: {string.Join(", ", added)}.");
        }
        var kept = matched.Where(m => m.Before is not null).Select(m => m.Before!).ToHashSet();
        var removed = was.Where(r => !kept.Contains(r)).Select(r => r.Routine ?? r.Slug!).ToList();
        if (removed.Count > 0)
        {
            changes.Add($"Removed: {string.Join(", ", removed)}.");
        }
        foreach (var (item, before) in matched)
        {
            if (before is null)
            {
                continue;
            }
            if (Differs(before.Dosage, item.Dosage))
            {
                changes.Add(item.Dosage is null
                    ? $"{item.Title}: back to the routine's own dosage (was {before.Dosage})."
                    : before.Dosage is null ? $"{item.Title}: now {item.Dosage}." : $"{item.Title}: now {item.Dosage} (was {before.Dosage}).");
            }
            if (Differs(before.Note, item.Note))
            {
                changes.Add($"{item.Title}: {Changed(before.Note, item.Note, "note")}.");
            }
        }
        if (Differs(seen.Note, now.Plan.Note))
        {
            changes.Add(Capital(Changed(seen.Note, now.Plan.Note, "note")) + ".");
        }
        if (Differs(seen.Avoid, now.Plan.Avoid))
        {
            changes.Add(Capital(Changed(seen.Avoid, now.Plan.Avoid, "what to avoid")) + ".");
        }
        var seenReview = DateOnly.TryParseExact(seen.ReviewDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (seenReview != now.Plan.ReviewDate)
        {
            changes.Add(now.Plan.ReviewDate is not { } review ? "Review date removed."
                : seenReview is not { } old ? $"Review date: {Day(review, review)}."
                : $"Review date: {Day(review, old)} (was {Day(old, review)}).");
        }
        return changes;
    }

    private static bool Differs(string? a, string? b) => !string.Equals(a?.Trim() ?? "", b?.Trim() ?? "", StringComparison.Ordinal);

    private static string Changed(string? before, string? after, string what) =>
        string.IsNullOrWhiteSpace(before) ? $"{what} added" : string.IsNullOrWhiteSpace(after) ? $"{what} removed" : $"{what} changed";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    // "14 December"; with the year only when the two dates are in different years.
    private static string Day(DateOnly date, DateOnly other) =>
        date.ToString(date.Year == other.Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);
}
