using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(x => x.At);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(60);
        e.Property(x => x.Target).HasMaxLength(200);
        e.Property(x => x.Details).HasMaxLength(2000);
    }
}
