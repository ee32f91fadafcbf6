using Identity.Api.Data;
using MassTransit;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Identity.Api.IntegrationEvents;

/// <summary>A withdrawn nomination takes its role and party from the account, once per message (inbox).</summary>
public sealed class NominationWithdrawnConsumer(IdentityDb db, NominationEventsHandler handler)
    : IdempotentConsumer<NominationWithdrawn, IdentityDb>(db)
{
    protected override string ConsumerName => "identity.nomination-withdrawn";

    protected override Task HandleAsync(NominationWithdrawn message, ConsumeContext<NominationWithdrawn> context, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
