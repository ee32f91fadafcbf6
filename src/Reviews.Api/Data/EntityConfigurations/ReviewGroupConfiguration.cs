using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reviews.Api.Domain.Groups;

namespace Reviews.Api.Data.EntityConfigurations;

internal sealed class ReviewGroupConfiguration : IEntityTypeConfiguration<ReviewGroup>
{
    public void Configure(EntityTypeBuilder<ReviewGroup> builder)
    {
        builder.ToTable("review_groups");
        builder.HasKey(g => g.Number);
        builder.Property(g => g.Number).HasColumnName("number").ValueGeneratedNever();
        builder.Property(g => g.StartDate).HasColumnName("start_date");
        builder.Property(g => g.Parties).HasColumnName("parties");
        builder.Property(g => g.SplitDrawId).HasColumnName("split_draw_id");
        builder.Property(g => g.PairingDrawId).HasColumnName("pairing_draw_id");
        builder.Property(g => g.CreatedAt).HasColumnName("created_at");
        builder.Property(g => g.Version).IsRowVersion();
        builder.Ignore(g => g.CurrentPhase);
        builder.OwnsMany(g => g.Pairings, p =>
        {
            p.ToJson("pairings");
            p.Property(x => x.LastDrawId);
            p.OwnsMany(x => x.AdditionalReviewers, a => a.Property(x => x.Instruments).HasConversion<InstrumentSetConversion>());
        });
        builder.OwnsMany(g => g.Phases, p => p.ToJson("phases"));
        builder.OwnsMany(g => g.Decisions, d => d.ToJson("conference_decisions"));
    }
}
