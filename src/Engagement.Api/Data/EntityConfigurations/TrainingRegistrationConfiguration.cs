using Engagement.Api.Domain.Trainings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Engagement.Api.Data.EntityConfigurations;

internal sealed class TrainingRegistrationConfiguration : IEntityTypeConfiguration<TrainingRegistration>
{
    public const string DuplicateIndex = "ux_training_registrations_training_email";

    public void Configure(EntityTypeBuilder<TrainingRegistration> builder)
    {
        builder.ToTable("training_registrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.TrainingId).HasColumnName("training_id");
        builder.HasOne<Training>().WithMany().HasForeignKey(r => r.TrainingId);
        builder.Property(r => r.FullName).HasColumnName("full_name");
        builder.Property(r => r.Email).HasColumnName("email");
        builder.Property(r => r.EmailKey).HasColumnName("email_key");
        builder.Property(r => r.Organization).HasColumnName("organization");
        builder.Property(r => r.OrganizationCategory).HasColumnName("organization_category").HasConversion<string>();
        builder.Property(r => r.Country).HasColumnName("country");
        builder.Property(r => r.Language).HasColumnName("language");
        builder.Property(r => r.NominatingOrganization).HasColumnName("nominating_organization");
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>();
        builder.Property(r => r.RegisteredAt).HasColumnName("registered_at");
        builder.Property(r => r.CompletedAt).HasColumnName("completed_at");
        builder.Property(r => r.IdempotencyKey).HasColumnName("idempotency_key");
        builder.HasIndex(r => r.IdempotencyKey).IsUnique().HasDatabaseName("ux_training_registrations_idempotency_key");
        builder.Property(r => r.SubmittedBy).HasColumnName("submitted_by");
        builder.HasIndex(r => new { r.TrainingId, r.EmailKey }).IsUnique().HasFilter("status <> 'Cancelled'").HasDatabaseName(DuplicateIndex);
    }
}
