namespace ReviewMechanism.Messaging.Inbox;

/// <summary>
/// A message a consumer already applied (table <c>inbox_messages</c>): written in the same transaction as
/// the consumer's state change, so a redelivered message is recognised and acknowledged without effect.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>The consumer that applied it (one message can be consumed by several consumers of a service).</summary>
    public string Consumer { get; set; } = "";

    public string MessageType { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
