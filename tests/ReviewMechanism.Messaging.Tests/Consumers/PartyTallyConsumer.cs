using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Messaging.Tests.Data;

namespace ReviewMechanism.Messaging.Tests.Consumers;

/// <summary>Counts nominations per party, idempotently (through the inbox).</summary>
public sealed class PartyTallyConsumer(TestServiceContext db, DeliveryLog log, PoisonSwitch poison)
    : IdempotentConsumer<PersonNominated, TestServiceContext>(db)
{
    protected override async Task HandleAsync(PersonNominated message, ConsumeContext<PersonNominated> context, CancellationToken cancellationToken)
    {
        if (poison.Fails(message.Party))
        {
            throw new InvalidOperationException($"Nominations of {message.Party} cannot be counted.");
        }
        // An atomic increment: messages of one party are consumed concurrently.
        await DbContext.Database.ExecuteSqlAsync(
            $"INSERT INTO party_tallies (party, nominations) VALUES ({message.Party}, 1) ON CONFLICT (party) DO UPDATE SET nominations = party_tallies.nominations + 1",
            cancellationToken);
        log.Add(new Delivery(nameof(PartyTallyConsumer), context.MessageId!.Value, Activity.Current?.TraceId, message));
    }
}
