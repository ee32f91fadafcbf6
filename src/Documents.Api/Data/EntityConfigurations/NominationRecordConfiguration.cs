using Documents.Api.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Documents.Api.Data.EntityConfigurations;

internal sealed class NominationRecordConfiguration : IEntityTypeConfiguration<NominationRecord>
{
    public void Configure(EntityTypeBuilder<NominationRecord> b)
    {
        b.ToTable("nominations");
        b.HasKey(n => n.NominationId);
        b.Property(n => n.NominationId).HasColumnName("nomination_id").HasMaxLength(100);
        b.Property(n => n.PersonId).HasColumnName("person_id").HasMaxLength(100);
        b.Property(n => n.Party).HasColumnName("party").HasMaxLength(3);
        b.Property(n => n.Role).HasColumnName("role");
        b.Property(n => n.Scope).HasColumnName("scope");
        b.Property(n => n.ScopeReviewId).HasColumnName("scope_review_id").HasMaxLength(64);
        b.Property(n => n.EffectiveFrom).HasColumnName("effective_from");
        b.Property(n => n.EndedAt).HasColumnName("ended_at");
        b.Ignore(n => n.IsActive);
        b.HasIndex(n => n.PersonId).HasDatabaseName("ix_nominations_person_id");
    }
}
