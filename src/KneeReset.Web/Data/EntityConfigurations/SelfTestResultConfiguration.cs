using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class SelfTestResultConfiguration : IEntityTypeConfiguration<SelfTestResult>
{
    public void Configure(EntityTypeBuilder<SelfTestResult> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.Test });
        e.Property(x => x.Test).HasMaxLength(40);
        // A replayed self-test is stored once; self-tests without a key never clash (NULLs are distinct).
        e.HasIndex(x => new { x.AssessmentId, x.ClientKey }).IsUnique();
        e.Property(x => x.ClientKey).HasMaxLength(64);
        e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
