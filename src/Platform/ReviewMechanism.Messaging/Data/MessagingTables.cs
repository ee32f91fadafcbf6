namespace ReviewMechanism.Messaging.Data;

/// <summary>Table and column names of the outbox and inbox (snake_case, in the service's default schema).</summary>
public static class MessagingTables
{
    public const string Outbox = "outbox_messages";
    public const string Inbox = "inbox_messages";

    internal const string OutboxPendingIndex = "ix_outbox_messages_pending";
    internal const string OutboxSentIndex = "ix_outbox_messages_sent_at";
    internal const string InboxProcessedIndex = "ix_inbox_messages_processed_at";
}
