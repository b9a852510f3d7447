using KneeReset.Web.Data;
using KneeReset.Web.FollowUp;

namespace KneeReset.Web.Tests.FollowUp;

/// <summary>Plan changes read as words, routines matched by slug, not by place in the list (issue 25).</summary>
public class PlanChangesTests
{
    private static readonly PlanItem Hips = new("hip-and-glute-strength", "Hip and glute strength", "3 × 12", null);
    private static readonly PlanItem Tendon = new("tendon-loading", "Tendon loading", "3 × 15", null);
    private static readonly PlanItem WarmUp = new("dynamic-warm-up", "Dynamic warm-up", null, null);

    private static PlanView Plan(string? note, DateOnly? review, params PlanItem[] items) =>
        new(new ClinicianPlan { Clinician = "physio@studio.test", Note = note, ReviewDate = review }, items);

    private static IReadOnlyList<string> Between(PlanView seen, PlanView now) => PlanChanges.Since(ClinicianPlans.Json(seen), now);

    [Fact]
    public void A_routine_added_in_front_is_added_and_nothing_is_called_removed()
    {
        var changes = Between(Plan(null, null, Hips, Tendon), Plan(null, null, WarmUp, Hips, Tendon));

        Assert.Equal(["Added: Dynamic warm-up."], changes);
    }

    [Fact]
    public void A_routine_replaced_is_one_added_and_one_removed_by_name()
    {
        var changes = Between(Plan(null, null, Hips, Tendon), Plan(null, null, Tendon, WarmUp));

        Assert.Equal(["Added: Dynamic warm-up.", "Removed: Hip and glute strength."], changes);
    }

    [Fact]
    public void A_dosage_change_names_the_routine_with_now_and_was()
    {
        var changes = Between(Plan(null, null, Hips, Tendon), Plan(null, null, Tendon with { Dosage = "2 × 15" }, Hips));

        Assert.Equal(["Tendon loading: now 2 × 15 (was 3 × 15)."], changes);
    }

    [Fact]
    public void Note_and_review_date_changes_read_as_sentences()
    {
        var changes = Between(Plan("Hips first.", new DateOnly(2026, 12, 10), Hips), Plan("Tendon now.", new DateOnly(2026, 12, 14), Hips));

        Assert.Equal(["Note changed.", "Review date: 14 December (was 10 December)."], changes);
    }

    [Fact]
    public void The_same_plan_has_no_changes_and_no_dosage_is_not_removed()
    {
        Assert.Empty(Between(Plan("Hips first.", new DateOnly(2026, 12, 10), WarmUp, Hips), Plan("Hips first.", new DateOnly(2026, 12, 10), WarmUp, Hips)));
    }

    [Fact]
    public void An_older_snapshot_with_titles_only_is_matched_by_title()
    {
        const string seen = """{"note":null,"avoid":null,"reviewDate":null,"routines":[{"routine":"Dynamic warm-up","dosage":null,"note":null},{"routine":"Hip and glute strength","dosage":"3 × 12","note":null}]}""";

        var changes = PlanChanges.Since(seen, Plan(null, null, Hips));

        Assert.Equal(["Removed: Dynamic warm-up."], changes);
    }
}
