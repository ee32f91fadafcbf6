using System.Diagnostics;
using MassTransit;
using ReviewMechanism.Events.V1;

namespace ReviewMechanism.Messaging.Tests.Consumers;

/// <summary>A plain (not idempotent) consumer that records every delivery: duplicates show here.</summary>
public sealed class DeliveryRecorder(DeliveryLog log) : IConsumer<PersonNominated>
{
    public Task Consume(ConsumeContext<PersonNominated> context)
    {
        log.Add(new Delivery(nameof(DeliveryRecorder), context.MessageId!.Value, Activity.Current?.TraceId, context.Message));
        return Task.CompletedTask;
    }
}
