using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class RoutineSessionConfiguration : IEntityTypeConfiguration<RoutineSession>
{
    public void Configure(EntityTypeBuilder<RoutineSession> e)
    {
        e.HasIndex(x => x.Token).IsUnique();
        e.Property(x => x.Token).HasMaxLength(64);
        // One session per key and result: a replayed post never stores twice (FollowUp/SessionLog).
        e.HasIndex(x => new { x.AssessmentId, x.ClientKey }).IsUnique();
        e.Property(x => x.ClientKey).HasMaxLength(64);
        e.Property(x => x.Feeling).HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasOne(x => x.Routine).WithMany().HasForeignKey(x => x.RoutineId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
