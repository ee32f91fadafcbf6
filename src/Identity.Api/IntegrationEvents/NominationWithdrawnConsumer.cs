using MassTransit;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Identity.Api.IntegrationEvents;

/// <summary>A withdrawn nomination takes its role and party from the account, once per message (queue <c>identity.nomination-withdrawn</c>).</summary>
public sealed class NominationWithdrawnConsumer(IIntegrationEventInbox inbox, NominationEventsHandler handler) : IConsumer<NominationWithdrawn>
{
    public Task Consume(ConsumeContext<NominationWithdrawn> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);
}
