namespace ReviewMechanism.Messaging.Outbox;

/// <summary>
/// An integration event waiting in the service's database to be published (table <c>outbox_messages</c>).
/// Stored in the same transaction as the state change it announces; sent by the relay after commit.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The message id the event is published with (stable across retries, so consumers can deduplicate).</summary>
    public Guid Id { get; set; }

    /// <summary>Publication order (database identity).</summary>
    public long Sequence { get; set; }

    /// <summary>The protobuf full name, e.g. <c>reviewmechanism.events.v1.PersonNominated</c> (for people and queries).</summary>
    public string MessageType { get; set; } = "";

    /// <summary>The CLR type as <c>Namespace.Type, Assembly</c> (what the relay deserializes).</summary>
    public string ClrType { get; set; } = "";

    /// <summary>The event in the protobuf binary format.</summary>
    public byte[] Payload { get; set; } = [];

    /// <summary>The W3C traceparent of the activity that stored the event (null when there was none).</summary>
    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the broker confirmed the event; null while it waits.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public string? LastError { get; set; }
}
