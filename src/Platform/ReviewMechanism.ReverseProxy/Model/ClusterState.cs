using ReviewMechanism.ReverseProxy.Configuration;
using ReviewMechanism.ReverseProxy.LoadBalancing;

namespace ReviewMechanism.ReverseProxy.Model;

/// <summary>A cluster at run time: its destinations, load balancer, passive health settings and HTTP client.</summary>
public sealed class ClusterState
{
    private int _roundRobin = -1;

    internal ClusterState(ClusterConfig config, IReadOnlyList<DestinationState> destinations, IReadOnlyList<string> unresolved, ILoadBalancingPolicy loadBalancer, HttpMessageInvoker httpClient)
    {
        Config = config;
        Destinations = destinations;
        Unresolved = unresolved;
        LoadBalancer = loadBalancer;
        HttpClient = httpClient;
        var passive = config.HealthCheck?.Passive;
        PassiveHealthEnabled = passive?.Enabled == true;
        ConsecutiveFailures = passive?.ConsecutiveFailures ?? 3;
        ReactivationPeriod = passive?.ReactivationPeriod ?? TimeSpan.FromSeconds(30);
        RequestConfig = config.HttpRequest ?? ForwarderRequestConfig.Empty;
    }

    public string ClusterId => Config.ClusterId;

    public ClusterConfig Config { get; }

    public IReadOnlyList<DestinationState> Destinations { get; }

    /// <summary>Why configured destinations resolved to no address (an undeployed service), for the error a client sees.</summary>
    public IReadOnlyList<string> Unresolved { get; }

    public ILoadBalancingPolicy LoadBalancer { get; }

    public HttpMessageInvoker HttpClient { get; }

    public ForwarderRequestConfig RequestConfig { get; }

    public bool PassiveHealthEnabled { get; }

    public int ConsecutiveFailures { get; }

    public TimeSpan ReactivationPeriod { get; }

    internal int NextRoundRobin() => Interlocked.Increment(ref _roundRobin) & int.MaxValue;
}
