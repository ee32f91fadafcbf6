using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Messaging.Tests.Data;

namespace ReviewMechanism.Messaging.Tests.Consumers;

/// <summary>Counts nominations per party, idempotently (through the inbox, as every service's consumers do).</summary>
public sealed class PartyTallyConsumer(IIntegrationEventInbox inbox, TestServiceContext db, DeliveryLog log, PoisonSwitch poison)
    : IConsumer<PersonNominated>
{
    public Task Consume(ConsumeContext<PersonNominated> context) => inbox.ApplyOnceAsync(context, async (message, ct) =>
    {
        poison.Attempt(message.Party);
        if (poison.Refuses(message.Party))
        {
            throw new EventRefusedException($"{message.Party} is not a party this service counts.");
        }
        if (poison.Fails(message.Party))
        {
            throw new InvalidOperationException($"Nominations of {message.Party} cannot be counted.");
        }
        // An atomic increment: messages of one party are consumed concurrently.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO party_tallies (party, nominations) VALUES ({message.Party}, 1) ON CONFLICT (party) DO UPDATE SET nominations = party_tallies.nominations + 1",
            ct);
        log.Add(new Delivery(nameof(PartyTallyConsumer), context.MessageId!.Value, Activity.Current?.TraceId, message));
    });
}
