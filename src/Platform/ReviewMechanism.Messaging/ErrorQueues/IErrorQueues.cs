namespace ReviewMechanism.Messaging.ErrorQueues;

/// <summary>
/// The error (dead-letter) queues of a service: a message whose consumer still failed after
/// MassTransit's retries lands in <c>&lt;queue&gt;_error</c>. They can be counted, looked at, and moved
/// back to their queue once the cause is fixed. Meant for tests and an admin RPC.
/// </summary>
public interface IErrorQueues
{
    /// <summary>The receive queues this service configured (their error queues are <c>&lt;name&gt;_error</c>).</summary>
    IReadOnlyCollection<string> ReceiveQueues { get; }

    /// <summary>Messages waiting in <c>&lt;queue&gt;_error</c> (0 when it does not exist yet).</summary>
    Task<long> CountAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>Every receive queue of this service with the count of its error queue.</summary>
    Task<IReadOnlyList<ErrorQueueCount>> CountAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> faulted messages (left in place) with their fault reason.</summary>
    Task<IReadOnlyList<FaultedMessage>> PeekAsync(string queue, int max = 20, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the messages that are in <c>&lt;queue&gt;_error</c> now (at most <paramref name="max"/>) back to
    /// <c>&lt;queue&gt;</c>, each one acknowledged in the error queue only after the broker confirmed it
    /// in the queue. Returns how many were moved.
    /// </summary>
    Task<int> ReplayAsync(string queue, int? max = null, CancellationToken cancellationToken = default);
}
