using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReviewMechanism.Messaging.Diagnostics;

/// <summary>The activity source and meter of the outbox relay and the inbox (listen to them by <see cref="Name"/>).</summary>
public static class MessagingTelemetry
{
    public const string Name = "ReviewMechanism.Messaging";

    /// <summary>MassTransit's own activity source and meter name.</summary>
    public const string MassTransitName = "MassTransit";

    /// <summary>The message header MassTransit reads a parent trace context from (W3C traceparent form).</summary>
    public const string ActivityIdHeader = "MT-Activity-Id";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OutboxPublished =
        Meter.CreateCounter<long>("reviewmechanism.outbox.published", "{message}", "Outbox messages the broker confirmed.");

    public static readonly Counter<long> OutboxPublishFailures =
        Meter.CreateCounter<long>("reviewmechanism.outbox.publish_failures", "{attempt}", "Outbox publish attempts that failed (retried later).");

    public static readonly Counter<long> InboxDuplicates =
        Meter.CreateCounter<long>("reviewmechanism.inbox.duplicates", "{message}", "Redelivered messages acknowledged without being applied again.");

    public static readonly Counter<long> InboxRefusals =
        Meter.CreateCounter<long>("reviewmechanism.inbox.refusals", "{message}", "Events a consumer refused by its rules (sent to the error queue without retries).");

    public static readonly Counter<long> BusRestarts =
        Meter.CreateCounter<long>("reviewmechanism.bus.restarts", "{restart}", "Bus restarts after it stayed unhealthy while the broker answered (see BusRecovery).");
}
