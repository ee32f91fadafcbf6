using Engagement.Api.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Engagement.Api.Data.EntityConfigurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<DialogueApplication>
{
    /// <summary>The statuses of an application that counts (the duplicate indexes cover only these).</summary>
    public const string CountingStatuses = "status NOT IN ('PendingVerification', 'Withdrawn')";

    public void Configure(EntityTypeBuilder<DialogueApplication> builder)
    {
        builder.ToTable("dialogue_applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id");
        builder.Property(a => a.Reference).HasColumnName("reference");
        builder.HasIndex(a => a.Reference).IsUnique().HasDatabaseName("ux_applications_reference");
        builder.Property(a => a.DialogueId).HasColumnName("dialogue_id");
        builder.HasOne<Domain.Dialogues.ConstructiveDialogue>().WithMany().HasForeignKey(a => a.DialogueId);
        builder.ComplexProperty(a => a.Organization, organization =>
        {
            organization.Property(o => o.Name).HasColumnName("organization_name");
            organization.Property(o => o.Category).HasColumnName("organization_category").HasConversion<string>();
            organization.Property(o => o.Country).HasColumnName("organization_country");
            organization.Property(o => o.Website).HasColumnName("organization_website");
            organization.Property(o => o.GrassrootsOrVictimLed).HasColumnName("grassroots_or_victim_led");
        });
        builder.Property(a => a.OrganizationKey).HasColumnName("organization_key");
        builder.Property(a => a.ContactName).HasColumnName("contact_name");
        builder.Property(a => a.ContactEmail).HasColumnName("contact_email");
        builder.Property(a => a.ContactEmailKey).HasColumnName("contact_email_key");
        builder.Property(a => a.Expertise).HasColumnName("expertise");
        builder.Property(a => a.RequestedMode).HasColumnName("requested_mode").HasConversion<string>();
        builder.Property(a => a.TravelSupportRequested).HasColumnName("travel_support_requested");
        builder.Property(a => a.Language).HasColumnName("language");
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<string>();
        builder.Property(a => a.ExpertiseAssessment).HasColumnName("expertise_assessment").HasConversion<string>();
        builder.Property(a => a.Attendance).HasColumnName("attendance").HasConversion<string>();
        builder.Property(a => a.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(a => a.VerifiedAt).HasColumnName("verified_at");
        builder.Property(a => a.DecidedAt).HasColumnName("decided_at");
        builder.Property(a => a.DecidedBy).HasColumnName("decided_by");
        builder.Property(a => a.ArrivalNumber).HasColumnName("arrival_number");
        builder.Property(a => a.WaitlistNumber).HasColumnName("waitlist_number");
        builder.Property(a => a.VerificationTokenHash).HasColumnName("verification_token_hash");
        builder.HasIndex(a => a.VerificationTokenHash).IsUnique().HasDatabaseName("ux_applications_verification_token");
        builder.Property(a => a.VerificationExpiresAt).HasColumnName("verification_expires_at");
        builder.Property(a => a.IdempotencyKey).HasColumnName("idempotency_key");
        builder.HasIndex(a => a.IdempotencyKey).IsUnique().HasDatabaseName("ux_applications_idempotency_key");
        builder.Property(a => a.RequestFingerprint).HasColumnName("request_fingerprint");
        builder.Property(a => a.SubmittedBy).HasColumnName("submitted_by");
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => new { a.DialogueId, a.OrganizationKey }).IsUnique().HasFilter(CountingStatuses)
            .HasDatabaseName(DuplicateOrganizationIndex);
        builder.HasIndex(a => new { a.DialogueId, a.ContactEmailKey }).IsUnique().HasFilter(CountingStatuses)
            .HasDatabaseName(DuplicateContactIndex);
        builder.HasIndex(a => new { a.DialogueId, a.ArrivalNumber }).HasDatabaseName("ix_applications_arrival");
        builder.HasIndex(a => new { a.DialogueId, a.RequestedMode, a.WaitlistNumber }).HasFilter("status = 'Waitlisted'")
            .HasDatabaseName("ix_applications_waitlist");
        builder.Ignore(a => a.Counts);
        builder.Ignore(a => a.HoldsSeat);
        builder.Ignore(a => a.SeatMode);
        builder.Ignore(a => a.Subject);
    }

    public const string IdempotencyKeyIndex = "ux_applications_idempotency_key";

    public const string DuplicateOrganizationIndex = "ux_applications_dialogue_organization";

    public const string DuplicateContactIndex = "ux_applications_dialogue_contact";
}
