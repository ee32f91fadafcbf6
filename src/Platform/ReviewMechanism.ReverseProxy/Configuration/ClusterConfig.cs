using System.Net;

namespace ReviewMechanism.ReverseProxy.Configuration;

/// <summary>One cluster of <c>ReverseProxy:Clusters</c>, shaped like YARP's ClusterConfig.</summary>
public sealed record ClusterConfig
{
    public required string ClusterId { get; init; }

    /// <summary><c>RoundRobin</c> (default), <c>PowerOfTwoChoices</c>, <c>LeastRequests</c>, <c>Random</c> or <c>FirstAlphabetical</c>.</summary>
    public string? LoadBalancingPolicy { get; init; }

    public IReadOnlyDictionary<string, DestinationConfig> Destinations { get; init; } = new Dictionary<string, DestinationConfig>();

    public HealthCheckConfig? HealthCheck { get; init; }

    public HttpClientConfig? HttpClient { get; init; }

    public ForwarderRequestConfig? HttpRequest { get; init; }
}

/// <summary>
/// A destination. <see cref="Address"/> is a URL or an Aspire service reference resolved from
/// configuration: <c>http://_grpc.reviews</c> reads <c>services:reviews:grpc:*</c>, <c>http://identity</c>
/// reads <c>services:identity:http:*</c> (each entry becomes a destination).
/// </summary>
public sealed record DestinationConfig
{
    public required string Address { get; init; }
}

public sealed record HealthCheckConfig
{
    public PassiveHealthCheckConfig? Passive { get; init; }
}

/// <summary>
/// Passive health: a destination whose forwarding fails <see cref="ConsecutiveFailures"/> times in a row
/// (connection refused or reset, no response within the activity timeout) is taken out of load
/// balancing for <see cref="ReactivationPeriod"/>; after it, one more failure takes it out again.
/// </summary>
public sealed record PassiveHealthCheckConfig
{
    public bool Enabled { get; init; }

    /// <summary>Only <c>ConsecutiveFailures</c> is implemented.</summary>
    public string? Policy { get; init; }

    public int? ConsecutiveFailures { get; init; }

    public TimeSpan? ReactivationPeriod { get; init; }
}

/// <summary>The SocketsHttpHandler a cluster forwards through.</summary>
public sealed record HttpClientConfig
{
    public int? MaxConnectionsPerServer { get; init; }

    /// <summary>Open more HTTP/2 connections when one reaches the server's stream limit (default true).</summary>
    public bool? EnableMultipleHttp2Connections { get; init; }

    public TimeSpan? ConnectTimeout { get; init; }
}

/// <summary>How each forwarded request is sent (YARP's ForwarderRequestConfig).</summary>
public sealed record ForwarderRequestConfig
{
    /// <summary>How long a request may go without a byte moving either way before it is cancelled (default 100 s).</summary>
    public TimeSpan? ActivityTimeout { get; init; }

    /// <summary>HTTP version to the destination. gRPC clusters use 2.0 with <see cref="HttpVersionPolicy.RequestVersionExact"/> (h2c).</summary>
    public Version? Version { get; init; }

    public HttpVersionPolicy? VersionPolicy { get; init; }

    public static readonly ForwarderRequestConfig Empty = new();

    internal static readonly TimeSpan DefaultActivityTimeout = TimeSpan.FromSeconds(100);

    internal static readonly Version DefaultVersion = HttpVersion.Version20;
}
