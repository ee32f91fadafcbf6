namespace ReviewMechanism.Messaging.Configuration;

/// <summary>How a service connects to RabbitMQ and names its queues.</summary>
public sealed class MessagingOptions
{
    /// <summary>The broker as an AMQP URI (<c>amqp://user:pass@host:port/vhost</c>), as in <c>ConnectionStrings:messaging</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The service's name (e.g. <c>reviews</c>): the prefix of its queue names. Replicas of one service share
    /// its queues (competing consumers); two services each get their own queue and so every event.
    /// </summary>
    public string ServiceName { get; set; } = "";

    /// <summary>How many times a failing consumer is retried in memory before the message goes to <c>&lt;queue&gt;_error</c>.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryIntervalDelta { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Unacknowledged messages the broker hands each consumer queue at once.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>
    /// How long the bus may stay unhealthy while the broker accepts new connections before it is restarted
    /// (<see cref="Recovery.BusRecovery"/>): longer than MassTransit's own reconnection takes (its retries wait up to
    /// about 30 s).
    /// </summary>
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the bus health is read for <see cref="RecoverAfter"/>.</summary>
    public TimeSpan RecoveryCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
