using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Messaging.Outbox;

namespace ReviewMechanism.Messaging.Data;

/// <summary>Adds the outbox and inbox entities to a service's own DbContext model.</summary>
public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Maps <see cref="OutboxMessage"/> to <c>outbox_messages</c> and <see cref="InboxMessage"/> to
    /// <c>inbox_messages</c>. Call from <c>OnModelCreating</c>; create the tables with
    /// <see cref="MessagingMigrationBuilderExtensions.CreateOutboxAndInboxTables"/> in a migration.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(MessagingTables.Outbox);
            outbox.HasKey(m => m.Id).HasName("pk_outbox_messages");
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            outbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300).IsRequired();
            outbox.Property(m => m.ClrType).HasColumnName("clr_type").HasMaxLength(500).IsRequired();
            outbox.Property(m => m.Payload).HasColumnName("payload").IsRequired();
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            outbox.Property(m => m.TraceState).HasColumnName("trace_state").HasMaxLength(600);
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastAttemptAt).HasColumnName("last_attempt_at");
            outbox.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            outbox.HasIndex(m => m.Sequence).HasDatabaseName(MessagingTables.OutboxPendingIndex).HasFilter("sent_at IS NULL");
            outbox.HasIndex(m => m.SentAt).HasDatabaseName(MessagingTables.OutboxSentIndex);
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(MessagingTables.Inbox);
            inbox.HasKey(m => new { m.MessageId, m.Consumer }).HasName("pk_inbox_messages");
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(300);
            inbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300).IsRequired();
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            inbox.HasIndex(m => m.ProcessedAt).HasDatabaseName(MessagingTables.InboxProcessedIndex);
        });
        return modelBuilder;
    }
}
