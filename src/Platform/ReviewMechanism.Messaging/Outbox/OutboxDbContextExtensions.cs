using System.Diagnostics;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Serialization;

namespace ReviewMechanism.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds <paramref name="integrationEvent"/> as an <c>outbox_messages</c> row to the context's unit of work,
    /// saved (and so published) only if the caller's <c>SaveChanges</c> commits; the current trace context is
    /// kept with it. For code that owns the DbContext itself (e.g. an override of <c>SaveChanges</c> turning
    /// domain events into integration events); elsewhere inject <see cref="IIntegrationEventOutbox"/>.
    /// Returns the message id consumers will see.
    /// </summary>
    public static Guid AddIntegrationEvent(this DbContext db, IMessage integrationEvent, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var activity = Activity.Current;
        var message = new OutboxMessage
        {
            Id = OutboxMessageIds.Next(now),
            MessageType = integrationEvent.Descriptor.FullName,
            ClrType = ProtobufMessageTypes.GetStoredName(integrationEvent.GetType()),
            Payload = integrationEvent.ToByteArray(),
            TraceParent = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
        };
        db.Set<OutboxMessage>().Add(message);
        return message.Id;
    }
}
