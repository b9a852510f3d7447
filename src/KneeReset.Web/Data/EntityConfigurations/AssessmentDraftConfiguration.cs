using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class AssessmentDraftConfiguration : IEntityTypeConfiguration<AssessmentDraft>
{
    public void Configure(EntityTypeBuilder<AssessmentDraft> e)
    {
        e.Property(x => x.Id).HasMaxLength(64);
        e.Property(x => x.Unit).HasMaxLength(5);
    }
}
