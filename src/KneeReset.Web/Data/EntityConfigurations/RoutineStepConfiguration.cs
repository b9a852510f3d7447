using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class RoutineStepConfiguration : IEntityTypeConfiguration<RoutineStep>
{
    public void Configure(EntityTypeBuilder<RoutineStep> e)
    {
        e.HasIndex(x => new { x.RoutineId, x.Position });
        e.HasOne(x => x.Exercise).WithMany().HasForeignKey(x => x.ExerciseId).OnDelete(DeleteBehavior.Restrict);
    }
}
