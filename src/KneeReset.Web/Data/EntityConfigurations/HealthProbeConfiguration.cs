using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeReset.Web.Data.EntityConfigurations;

internal sealed class HealthProbeConfiguration : IEntityTypeConfiguration<HealthProbe>
{
    public void Configure(EntityTypeBuilder<HealthProbe> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
