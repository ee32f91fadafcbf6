using System.Diagnostics;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Serialization;

namespace ReviewMechanism.Messaging.Outbox;

/// <summary>The outbox of one service DbContext (scoped: the same DbContext instance as the request's).</summary>
public sealed class IntegrationEventOutbox<TContext>(TContext dbContext, OutboxWakeInterceptor<TContext> wake, TimeProvider timeProvider)
    : IIntegrationEventOutbox
    where TContext : DbContext
{
    public Guid Add(IMessage integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        var activity = Activity.Current;
        var message = new OutboxMessage
        {
            Id = OutboxMessageIds.Next(timeProvider.GetUtcNow()),
            MessageType = integrationEvent.Descriptor.FullName,
            ClrType = ProtobufMessageTypes.GetStoredName(type),
            Payload = integrationEvent.ToByteArray(),
            TraceParent = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null,
            TraceState = activity?.TraceStateString,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        dbContext.Set<OutboxMessage>().Add(message);
        wake.MarkPending(dbContext);
        return message.Id;
    }
}
