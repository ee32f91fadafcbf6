using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nominations.Api.Data.EntityConfigurations;

internal sealed class PartyRecordConfiguration : IEntityTypeConfiguration<PartyRecord>
{
    public void Configure(EntityTypeBuilder<PartyRecord> b)
    {
        b.ToTable("Parties");
        b.HasKey(p => p.Iso3);
        b.Property(p => p.Iso3).HasMaxLength(Columns.Party);
        b.Property(p => p.Name).HasMaxLength(Columns.Name);
    }
}
