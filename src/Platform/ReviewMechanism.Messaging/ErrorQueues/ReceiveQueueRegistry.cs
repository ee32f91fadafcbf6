using System.Collections.Concurrent;

namespace ReviewMechanism.Messaging.ErrorQueues;

/// <summary>The receive queue names MassTransit configured for this service (filled while the bus is configured).</summary>
public sealed class ReceiveQueueRegistry
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public void Add(string queue) => _names.TryAdd(queue, 0);

    public IReadOnlyCollection<string> Names => _names.Keys.Order(StringComparer.Ordinal).ToArray();
}
