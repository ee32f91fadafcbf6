namespace ReviewMechanism.Messaging.Outbox;

/// <summary>How the outbox relay polls, publishes, backs off and cleans up.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows locked and published per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the relay looks for rows when nothing woke it (other instances' rows, missed signals).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker's confirmation before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First wait after a failed publish; doubled after each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long sent outbox rows are kept (for inspection) before they are deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long inbox rows are kept; must be longer than any redelivery can be late.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
