using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Events.V1;

namespace Reviews.Api.IntegrationEvents;

/// <summary>The Nominations service's events: focal points and experts of the reviews' parties (queue <c>reviews.nomination-events</c>).</summary>
public sealed class NominationEventsConsumer(IIntegrationEventInbox inbox, ReviewsEventHandler handler)
    : IConsumer<PersonNominated>, IConsumer<FocalPointReplaced>, IConsumer<NominationWithdrawn>
{
    public Task Consume(ConsumeContext<PersonNominated> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);

    public Task Consume(ConsumeContext<FocalPointReplaced> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);

    public Task Consume(ConsumeContext<NominationWithdrawn> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);
}
