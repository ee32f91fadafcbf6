using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Engagement.Api.Data.EntityConfigurations;

internal sealed class QueuedMailConfiguration : IEntityTypeConfiguration<QueuedMail>
{
    public void Configure(EntityTypeBuilder<QueuedMail> builder)
    {
        builder.ToTable("mail_queue");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(m => m.To).HasColumnName("to_address");
        builder.Property(m => m.ToName).HasColumnName("to_name");
        builder.Property(m => m.Subject).HasColumnName("subject");
        builder.Property(m => m.TextBody).HasColumnName("text_body");
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.SentAt).HasColumnName("sent_at");
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(m => m.LastError).HasColumnName("last_error");
        builder.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_mail_queue_unsent");
    }
}
