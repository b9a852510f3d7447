using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> e)
    {
        e.HasIndex(x => new { x.EntityType, x.EntityId, x.Version });
        e.Property(x => x.EntityType).HasMaxLength(20);
        e.Property(x => x.Summary).HasMaxLength(200);
        e.Property(x => x.By).HasMaxLength(256);
    }
}
