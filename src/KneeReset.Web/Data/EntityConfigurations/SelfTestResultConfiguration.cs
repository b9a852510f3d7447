using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class SelfTestResultConfiguration : IEntityTypeConfiguration<SelfTestResult>
{
    public void Configure(EntityTypeBuilder<SelfTestResult> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.Test });
        e.Property(x => x.Test).HasMaxLength(40);
        e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
