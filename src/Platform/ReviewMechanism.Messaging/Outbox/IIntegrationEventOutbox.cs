using Google.Protobuf;

namespace ReviewMechanism.Messaging.Outbox;

/// <summary>
/// Stores integration events in the service's database, in the same DbContext (and so the same
/// transaction) as the state change they announce. Nothing is published until that transaction
/// commits; the relay then publishes each stored event once the broker confirms it.
/// </summary>
public interface IIntegrationEventOutbox
{
    /// <summary>
    /// Adds the event to the DbContext's unit of work (saved by the caller's <c>SaveChanges</c>) and
    /// returns the message id it will be published with. The current trace context is kept with it.
    /// </summary>
    Guid Add(IMessage integrationEvent);
}
