using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class RoutineConfiguration : IEntityTypeConfiguration<Routine>
{
    public void Configure(EntityTypeBuilder<Routine> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(80);
        e.Property(x => x.Title).HasMaxLength(120);
        e.Property(x => x.Phase).HasMaxLength(30);
        e.Property(x => x.Difficulty).HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.RoutineId).OnDelete(DeleteBehavior.Cascade);
    }
}
