using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class RunLogConfiguration : IEntityTypeConfiguration<RunLog>
{
    public void Configure(EntityTypeBuilder<RunLog> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.DoneOn });
        // A replayed run is stored once; runs without a key never clash (NULLs are distinct).
        e.HasIndex(x => new { x.AssessmentId, x.ClientKey }).IsUnique();
        e.Property(x => x.ClientKey).HasMaxLength(64);
        e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
