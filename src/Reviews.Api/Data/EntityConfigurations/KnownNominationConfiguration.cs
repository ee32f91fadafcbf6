using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reviews.Api.Domain.Nominations;

namespace Reviews.Api.Data.EntityConfigurations;

internal sealed class KnownNominationConfiguration : IEntityTypeConfiguration<KnownNomination>
{
    public void Configure(EntityTypeBuilder<KnownNomination> builder)
    {
        builder.ToTable("known_nominations");
        builder.HasKey(n => n.NominationId);
        builder.Property(n => n.NominationId).HasColumnName("nomination_id").HasMaxLength(100);
        builder.Property(n => n.Party).HasColumnName("party").HasMaxLength(3);
        builder.Property(n => n.Role).HasColumnName("role");
        builder.Property(n => n.Scope).HasColumnName("scope");
        builder.Property(n => n.CountryReviewId).HasColumnName("country_review_id").HasMaxLength(16);
        builder.Property(n => n.PersonId).HasColumnName("person_id").HasMaxLength(100);
        builder.Property(n => n.FullName).HasColumnName("full_name").HasMaxLength(300);
        builder.Property(n => n.Email).HasColumnName("email").HasMaxLength(320);
        builder.Property(n => n.EffectiveFrom).HasColumnName("effective_from");
        builder.Property(n => n.EndedAt).HasColumnName("ended_at");
        builder.Ignore(n => n.IsActive);
        builder.HasIndex(n => n.Party).HasDatabaseName("ix_known_nominations_party");
    }
}
