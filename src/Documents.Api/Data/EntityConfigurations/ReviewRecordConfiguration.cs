using Documents.Api.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Documents.Api.Data.EntityConfigurations;

internal sealed class ReviewRecordConfiguration : IEntityTypeConfiguration<ReviewRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRecord> b)
    {
        b.ToTable("reviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").HasMaxLength(64);
        b.Property(r => r.PartyUnderReview).HasColumnName("party_under_review").HasMaxLength(3);
        b.Property(r => r.Reviewers).HasColumnName("reviewers");
        b.Property(r => r.GroupNumber).HasColumnName("group_number");
        b.Property(r => r.Phase).HasColumnName("phase");
        b.Property(r => r.Cluster).HasColumnName("cluster");
        b.Property(r => r.Stage).HasColumnName("stage").HasMaxLength(64);
        b.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        b.Ignore(r => r.IsCompleted);
        b.Ignore(r => r.Parties);
    }
}
