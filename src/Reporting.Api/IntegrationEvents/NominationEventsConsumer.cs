using MassTransit;
using ReviewMechanism.Messaging.Inbox;
using Reporting.Api.Data.Projections;
using ReviewMechanism.Events.V1;

namespace Reporting.Api.IntegrationEvents;

/// <summary>The Nominations service's events: nominations, substitutions, withdrawals (queue <c>reporting.nomination-events</c>).</summary>
public sealed class NominationEventsConsumer(IIntegrationEventInbox inbox, NominationProjection projection)
    : IConsumer<PersonNominated>, IConsumer<FocalPointReplaced>, IConsumer<NominationWithdrawn>
{
    public Task Consume(ConsumeContext<PersonNominated> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.NominatedAsync(EventFacts.Nominated(e), ct));

    public Task Consume(ConsumeContext<FocalPointReplaced> context) =>
        inbox.ApplyOnceAsync(context, async (e, ct) =>
        {
            await projection.EndedAsync(EventFacts.Replaced(e), ct);
            await projection.FocalPointReplacedAsync(e.PredecessorNominationId, e.SuccessorNominationId, EventFacts.Party(e.Party), EventFacts.At(e.EffectiveFrom), ct);
        });

    public Task Consume(ConsumeContext<NominationWithdrawn> context) =>
        inbox.ApplyOnceAsync(context, (e, ct) => projection.EndedAsync(EventFacts.Withdrawn(e), ct));
}
