using MassTransit;

namespace ReviewMechanism.Messaging.Recovery;

/// <summary>
/// Watches every publish of the bus: since when publishing has failed without a success in between
/// (<see cref="FailingSince"/>, null while publishes succeed). A bus with no receive endpoint of its own
/// reports itself healthy while its publishes fail, so <see cref="BusRecovery"/> reads this too.
/// </summary>
public sealed class PublishHealth(TimeProvider timeProvider) : IPublishObserver
{
    private long _failingSinceTicks;

    public DateTimeOffset? FailingSince
    {
        get
        {
            var ticks = Interlocked.Read(ref _failingSinceTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        Interlocked.Exchange(ref _failingSinceTicks, 0);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class
    {
        Failed();
        return Task.CompletedTask;
    }

    /// <summary>A publish failed or timed out (also one MassTransit never reported: <see cref="ConfirmedPublisher"/>).</summary>
    public void Failed() => Interlocked.CompareExchange(ref _failingSinceTicks, timeProvider.GetUtcNow().UtcTicks, 0);

    /// <summary>Forgets the failures (after the bus was restarted).</summary>
    public void Reset() => Interlocked.Exchange(ref _failingSinceTicks, 0);
}
