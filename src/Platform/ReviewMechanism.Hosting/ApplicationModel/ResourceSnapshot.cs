namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>
/// What one running instance of a resource looks like now (a project with replicas has one per
/// replica, named <c>reviews-0</c>, <c>reviews-1</c>...). The dashboard's JSON has the same fields.
/// </summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    public required string Resource { get; init; }

    public int Replica { get; init; }

    /// <summary>Project, PostgreSQL, PostgreSQL database, RabbitMQ, Redis.</summary>
    public required string Type { get; init; }

    public required string State { get; init; }

    public HealthStatus Health { get; init; }

    /// <summary>True when running and its health probe answers.</summary>
    public bool IsHealthy => State == KnownResourceStates.Running && Health == HealthStatus.Healthy;

    public int RestartCount { get; init; }

    public int? Pid { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>The delay before the pending restart (0 when none is pending).</summary>
    public double RestartDelaySeconds { get; init; }

    /// <summary>Endpoint name to URL (projects), or "tcp" to host:port (servers).</summary>
    public IReadOnlyDictionary<string, string> Endpoints { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> WaitsFor { get; init; } = [];

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? HealthyAt { get; init; }

    public DateTimeOffset? StopRequestedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string> RecentLogs { get; init; } = [];
}
