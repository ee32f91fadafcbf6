using MassTransit;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Identity.Api.IntegrationEvents;

/// <summary>A nomination creates (or extends) the person's pending account, once per message (queue <c>identity.person-nominated</c>).</summary>
public sealed class PersonNominatedConsumer(IIntegrationEventInbox inbox, NominationEventsHandler handler) : IConsumer<PersonNominated>
{
    public Task Consume(ConsumeContext<PersonNominated> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);
}
