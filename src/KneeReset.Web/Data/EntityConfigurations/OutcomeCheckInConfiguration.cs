using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class OutcomeCheckInConfiguration : IEntityTypeConfiguration<OutcomeCheckIn>
{
    public void Configure(EntityTypeBuilder<OutcomeCheckIn> e)
    {
        // One a week: the service replaces within the series, the index holds it per assessment.
        e.HasIndex(x => new { x.AssessmentId, x.Week }).IsUnique();
        e.Property(x => x.Week).HasMaxLength(8);
        // Three names of up to 60 characters, escaped as JSON (a non-ASCII letter may take six).
        e.Property(x => x.ActivitiesJson).HasMaxLength(2000);
        e.Ignore(x => x.Activities);
        e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
