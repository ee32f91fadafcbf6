using System.Collections.Concurrent;

namespace ReviewMechanism.Messaging.Tests.Consumers;

/// <summary>Every delivery a service's consumers saw (one log per service host).</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public void Add(Delivery delivery) => _deliveries.Enqueue(delivery);

    public IReadOnlyList<Delivery> All => _deliveries.ToArray();

    public IReadOnlyList<Delivery> Of(string consumer) => _deliveries.Where(d => d.Consumer == consumer).ToArray();
}
