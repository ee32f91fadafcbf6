using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nominations.Api.Data.EntityConfigurations;

internal sealed class CountryReviewRecordConfiguration : IEntityTypeConfiguration<CountryReviewRecord>
{
    public void Configure(EntityTypeBuilder<CountryReviewRecord> b)
    {
        b.ToTable("CountryReviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(Columns.ReviewId);
        b.Property(r => r.PartyUnderReview).HasMaxLength(Columns.Party);
        b.PrimitiveCollection(r => r.ReviewingParties);
        b.HasIndex(r => r.StartedAt);
    }
}
