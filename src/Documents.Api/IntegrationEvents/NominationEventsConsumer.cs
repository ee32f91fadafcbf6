using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Events.V1;

namespace Documents.Api.IntegrationEvents;

/// <summary>Nominations' events: who acts for which party in which reviews (queue <c>documents.nomination-events</c>).</summary>
public sealed class NominationEventsConsumer(IIntegrationEventInbox inbox, ReadModelProjection projection)
    : IConsumer<PersonNominated>, IConsumer<FocalPointReplaced>, IConsumer<NominationWithdrawn>
{
    public Task Consume(ConsumeContext<PersonNominated> context) => inbox.ApplyOnceAsync(context, projection.ApplyAsync);

    public Task Consume(ConsumeContext<FocalPointReplaced> context) => inbox.ApplyOnceAsync(context, projection.ApplyAsync);

    public Task Consume(ConsumeContext<NominationWithdrawn> context) => inbox.ApplyOnceAsync(context, projection.ApplyAsync);
}
