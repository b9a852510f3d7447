using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class RunnerFollowConfiguration : IEntityTypeConfiguration<RunnerFollow>
{
    public void Configure(EntityTypeBuilder<RunnerFollow> e)
    {
        // One follow per clinician and link: adding the same link again (after a re-take moved it on) finds the first.
        e.HasIndex(x => new { x.Clinician, x.LinkFingerprint }).IsUnique();
        e.Property(x => x.Clinician).HasMaxLength(256);
        e.Property(x => x.LinkFingerprint).HasMaxLength(64);
        e.Property(x => x.EmailedEscalations).HasMaxLength(2000);
        // Deleting the runner's result ends the follow with it.
        e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
