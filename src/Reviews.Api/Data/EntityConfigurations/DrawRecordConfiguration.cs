using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reviews.Api.Domain.Drawing;

namespace Reviews.Api.Data.EntityConfigurations;

internal sealed class DrawRecordConfiguration : IEntityTypeConfiguration<DrawRecord>
{
    public void Configure(EntityTypeBuilder<DrawRecord> builder)
    {
        builder.ToTable("draws");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.Kind).HasColumnName("kind");
        builder.Property(d => d.GroupNumber).HasColumnName("group_number");
        builder.Property(d => d.PartyUnderReview).HasColumnName("party_under_review").HasMaxLength(3);
        builder.Property(d => d.RequestedBy).HasColumnName("requested_by").HasMaxLength(200);
        builder.Property(d => d.RequestingParty).HasColumnName("requesting_party").HasMaxLength(3);
        builder.Property(d => d.Reason).HasColumnName("reason");
        builder.Property(d => d.RequestedAt).HasColumnName("requested_at");
        // The seed is an unsigned 64-bit number: stored as numeric(20,0) so no value is lost.
        builder.Property(d => d.Seed).HasColumnName("seed").HasColumnType("numeric(20,0)");
        builder.Property(d => d.Constraints).HasColumnName("constraints");
        builder.Property(d => d.SplitInputs).AsJson("split_inputs");
        builder.Property(d => d.SplitOutcome).AsJson("split_outcome");
        builder.Property(d => d.PairingInputs).AsJson("pairing_inputs");
        builder.Property(d => d.PairingOutcome).AsJson("pairing_outcome");
        builder.HasIndex(d => new { d.GroupNumber, d.PartyUnderReview }).HasDatabaseName("ix_draws_group_party");
    }
}
