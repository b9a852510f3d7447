using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class StoredAssessmentConfiguration : IEntityTypeConfiguration<StoredAssessment>
{
    public void Configure(EntityTypeBuilder<StoredAssessment> e)
    {
        e.ToTable("Assessments");
        e.HasIndex(x => x.Token).IsUnique();
        e.Property(x => x.Token).HasMaxLength(64);
        e.Property(x => x.Triage).HasMaxLength(20);
        e.Property(x => x.TopCause).HasMaxLength(30);
        e.Property(x => x.Unit).HasMaxLength(5);
        e.HasIndex(x => x.ManageToken).IsUnique();
        e.Property(x => x.ManageToken).HasMaxLength(64);
        e.HasIndex(x => x.SeriesKey);
        e.Property(x => x.SeriesKey).HasMaxLength(64);
        e.Property(x => x.Nickname).HasMaxLength(40);
    }
}
