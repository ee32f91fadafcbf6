using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace ReviewMechanism.Messaging.Outbox;

/// <summary>The outbox of one service DbContext (scoped: the same DbContext instance as the request's).</summary>
public sealed class IntegrationEventOutbox<TContext>(TContext dbContext, OutboxWakeInterceptor<TContext> wake, TimeProvider timeProvider)
    : IIntegrationEventOutbox
    where TContext : DbContext
{
    public Guid Add(IMessage integrationEvent)
    {
        var id = dbContext.AddIntegrationEvent(integrationEvent, timeProvider);
        wake.MarkPending(dbContext);
        return id;
    }
}
