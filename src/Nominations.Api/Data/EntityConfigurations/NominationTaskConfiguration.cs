using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nominations.Api.Domain;

namespace Nominations.Api.Data.EntityConfigurations;

internal sealed class NominationTaskConfiguration : IEntityTypeConfiguration<NominationTask>
{
    public void Configure(EntityTypeBuilder<NominationTask> b)
    {
        b.ToTable("NominationTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Party).HasMaxLength(Columns.Party);
        b.Property(t => t.Role).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(t => t.ScopeKind).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(t => t.ScopeReviewId).HasMaxLength(Columns.ReviewId);
        b.Property(t => t.Title).HasMaxLength(Columns.TaskTitle);
        b.Property(t => t.Description).HasMaxLength(Columns.TaskDescription);
        b.Property(t => t.CountryReviewId).HasMaxLength(Columns.ReviewId);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(Columns.Enum);
        b.Property(t => t.CreatedBy).HasMaxLength(Columns.Subject);
        b.Property(t => t.CompletedBy).HasMaxLength(Columns.Subject);
        b.Ignore(t => t.IsOpen);
        b.Ignore(t => t.IsVacant);
        b.HasIndex(t => new { t.Party, t.NominationId });
    }
}
