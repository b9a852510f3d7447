using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class ClinicianPlanConfiguration : IEntityTypeConfiguration<ClinicianPlan>
{
    public void Configure(EntityTypeBuilder<ClinicianPlan> e)
    {
        e.HasIndex(x => x.AssessmentId).IsUnique();
        e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Clinician).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.Avoid).HasMaxLength(2000);
    }
}
