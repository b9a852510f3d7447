using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class ExerciseConfiguration : IEntityTypeConfiguration<Exercise>
{
    public void Configure(EntityTypeBuilder<Exercise> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(80);
        e.Property(x => x.Name).HasMaxLength(120);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Image).HasMaxLength(80);
        e.Property(x => x.DraftImage).HasMaxLength(80);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
    }
}
