using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Events.V1;

namespace Reviews.Api.IntegrationEvents;

/// <summary>The Documents service's events that move a review on (queue <c>reviews.document-events</c>).</summary>
public sealed class DocumentEventsConsumer(IIntegrationEventInbox inbox, ReviewsEventHandler handler)
    : IConsumer<QuestionnaireTransmitted>, IConsumer<WrittenFeedbackTransmitted>, IConsumer<ListOfObservationsFinalized>
{
    public Task Consume(ConsumeContext<QuestionnaireTransmitted> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);

    public Task Consume(ConsumeContext<WrittenFeedbackTransmitted> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);

    public Task Consume(ConsumeContext<ListOfObservationsFinalized> context) => inbox.ApplyOnceAsync(context, handler.HandleAsync);
}
