using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reviews.Api.Domain.Notifications;

namespace Reviews.Api.Data.EntityConfigurations;

internal sealed class SentNotificationConfiguration : IEntityTypeConfiguration<SentNotification>
{
    public void Configure(EntityTypeBuilder<SentNotification> builder)
    {
        builder.ToTable("sent_notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(n => n.Key).HasColumnName("key").HasMaxLength(300);
        // Exactly once across instances: the second insert of a key fails (or is skipped) in the database.
        builder.HasIndex(n => n.Key).IsUnique().HasDatabaseName("ux_sent_notifications_key");
        builder.Property(n => n.Kind).HasColumnName("kind");
        builder.Property(n => n.OffsetDays).HasColumnName("offset_days");
        builder.Property(n => n.CountryReviewId).HasColumnName("country_review_id").HasMaxLength(16);
        builder.Property(n => n.Deadline).HasColumnName("deadline");
        builder.Property(n => n.DueDate).HasColumnName("due_date");
        builder.Property(n => n.Party).HasColumnName("party").HasMaxLength(3);
        builder.Property(n => n.RecipientRole).HasColumnName("recipient_role");
        builder.Property(n => n.RecipientPersonId).HasColumnName("recipient_person_id").HasMaxLength(100);
        builder.Property(n => n.ToName).HasColumnName("to_name").HasMaxLength(300);
        builder.Property(n => n.ToEmail).HasColumnName("to_email").HasMaxLength(320);
        builder.Property(n => n.CcEmails).HasColumnName("cc_emails");
        builder.Property(n => n.Language).HasColumnName("language");
        builder.Property(n => n.Subject).HasColumnName("subject");
        builder.Property(n => n.Body).HasColumnName("body");
        builder.Property(n => n.CreatedAt).HasColumnName("created_at");
        builder.Property(n => n.ReadAt).HasColumnName("read_at");
        builder.Property(n => n.EmailSentAt).HasColumnName("email_sent_at");
        builder.HasIndex(n => new { n.RecipientPersonId, n.CreatedAt }).HasDatabaseName("ix_sent_notifications_recipient");
        builder.HasIndex(n => n.CountryReviewId).HasDatabaseName("ix_sent_notifications_review");
    }
}
