using Identity.Api.Data;
using MassTransit;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Identity.Api.IntegrationEvents;

/// <summary>A nomination creates (or extends) the person's pending account, once per message (inbox).</summary>
public sealed class PersonNominatedConsumer(IdentityDb db, NominationEventsHandler handler)
    : IdempotentConsumer<PersonNominated, IdentityDb>(db)
{
    protected override string ConsumerName => "identity.person-nominated";

    protected override Task HandleAsync(PersonNominated message, ConsumeContext<PersonNominated> context, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
