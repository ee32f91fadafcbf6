using MassTransit;

namespace ReviewMechanism.Messaging.Recovery;

/// <summary>
/// Publishes one message and waits for the broker's confirmation at most a given time, whatever MassTransit does
/// with the cancellation token: MassTransit 8.5.12 does not end a publish whose pipe does not end when the token is
/// cancelled (ConfirmedPublisherTests), and confirms that never arrive after a broker restart are reported upstream
/// (docs/messaging.md, "Broker restarts"). The wait ends at the deadline with a <see cref="TimeoutException"/>, and
/// every publish that failed or timed out counts in <see cref="PublishHealth"/>, which <see cref="BusRecovery"/> reads:
/// MassTransit's publish observers never hear of a publish that simply never ends.
/// </summary>
public sealed class ConfirmedPublisher(IBus bus, PublishHealth health, TimeProvider timeProvider)
{
    public async Task PublishAsync(object message, Type messageType, IPipe<PublishContext> pipe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        var publish = bus.Publish(message, messageType, pipe, attempt.Token);
        try
        {
            await publish.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            health.Failed();
            if (!publish.IsCompleted)
            {
                // Abandoned: whatever it ends with later is nobody's concern.
                _ = publish.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            if (ex is OperationCanceledException or TimeoutException)
            {
                throw new TimeoutException($"The broker did not confirm the {messageType.Name} within {timeout.TotalSeconds:0.#} s.", ex);
            }
            throw;
        }
    }
}
