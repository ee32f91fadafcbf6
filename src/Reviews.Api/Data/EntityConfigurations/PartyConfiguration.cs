using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Data.EntityConfigurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("parties");
        builder.HasKey(p => p.Iso3);
        builder.Property(p => p.Iso3).HasColumnName("iso3").HasMaxLength(3);
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(p => p.RegionalGroup).HasColumnName("regional_group");
        builder.Property(p => p.Notes).HasColumnName("notes");
        builder.Property(p => p.DoubtfulInstruments).HasColumnName("doubtful_instruments").HasConversion<InstrumentSetConversion>();
        builder.Property(p => p.PermanentMissionEmail).HasColumnName("permanent_mission_email").HasMaxLength(320);
        builder.Property(p => p.CorrespondenceLanguage).HasColumnName("correspondence_language");
        builder.Property(p => p.RecordedAt).HasColumnName("recorded_at");
        builder.Property(p => p.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        builder.Ignore(p => p.AllInstruments);
        builder.OwnsMany(p => p.Ratifications, r =>
        {
            r.ToTable("party_ratifications");
            r.WithOwner().HasForeignKey("party_iso3");
            r.Property<string>("party_iso3").HasMaxLength(3);
            r.HasKey("party_iso3", nameof(Ratification.Instrument));
            r.Property(x => x.Instrument).HasColumnName("instrument");
            r.Property(x => x.Date).HasColumnName("date");
            r.Property(x => x.Precision).HasColumnName("precision");
            r.Property(x => x.Source).HasColumnName("source");
            r.Ignore(x => x.EffectiveFrom);
        });
        builder.Navigation(p => p.Ratifications).HasField("_ratifications").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
