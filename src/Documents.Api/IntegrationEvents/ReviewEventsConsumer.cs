using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Events.V1;

namespace Documents.Api.IntegrationEvents;

/// <summary>Reviews' events: which parties are in which review, at which stage (queue <c>documents.review-events</c>).</summary>
public sealed class ReviewEventsConsumer(IIntegrationEventInbox inbox, ReadModelProjection projection)
    : IConsumer<CountryReviewOpened>, IConsumer<CountryReviewPartiesChanged>, IConsumer<CountryReviewStageChanged>
{
    public Task Consume(ConsumeContext<CountryReviewOpened> context) => inbox.ApplyOnceAsync(context, projection.ApplyAsync);

    public Task Consume(ConsumeContext<CountryReviewPartiesChanged> context) => inbox.ApplyOnceAsync(context, projection.ApplyAsync);

    public Task Consume(ConsumeContext<CountryReviewStageChanged> context) => inbox.ApplyOnceAsync(context, projection.ApplyAsync);
}
