using Microsoft.Extensions.Logging;
using ReviewMechanism.ReverseProxy.Configuration;
using ReviewMechanism.ReverseProxy.Forwarder;
using ReviewMechanism.ReverseProxy.LoadBalancing;
using ReviewMechanism.ReverseProxy.ServiceDiscovery;
using ReviewMechanism.ReverseProxy.Transforms;

namespace ReviewMechanism.ReverseProxy.Model;

/// <summary>The routes and clusters built from configuration at start (YARP's IProxyStateLookup).</summary>
public sealed partial class ProxyState : IDisposable
{
    private readonly Dictionary<string, ClusterState> _clusters;

    public ProxyState(ProxyConfig config, DestinationResolver resolver, ILogger<ProxyState> logger)
    {
        _clusters = new Dictionary<string, ClusterState>(StringComparer.OrdinalIgnoreCase);
        foreach (var cluster in config.Clusters)
        {
            var destinations = new List<DestinationState>();
            var unresolved = new List<string>();
            foreach (var (id, destination) in cluster.Destinations.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase))
            {
                var resolution = resolver.Resolve(destination.Address);
                if (resolution.Problem is not null)
                {
                    unresolved.Add($"destination '{id}' ({destination.Address}): {resolution.Problem}");
                    LogUnresolved(logger, cluster.ClusterId, id, resolution.Problem);
                    continue;
                }
                for (var i = 0; i < resolution.Addresses.Count; i++)
                {
                    var destinationId = resolution.Addresses.Count == 1 ? id : $"{id}[{i}]";
                    destinations.Add(new DestinationState(destinationId, resolution.Addresses[i]));
                }
            }
            var state = new ClusterState(cluster, destinations, unresolved, LoadBalancingPolicies.Create(cluster.LoadBalancingPolicy),
                ForwarderHttpClientFactory.Create(cluster.HttpClient));
            _clusters.Add(cluster.ClusterId, state);
            LogCluster(logger, cluster.ClusterId, string.Join(", ", destinations));
        }
        Routes = config.Routes.Select(r => new RouteModel(r, _clusters[r.ClusterId], TransformBuilder.Build(r))).ToArray();
    }

    public IReadOnlyList<RouteModel> Routes { get; }

    public IEnumerable<ClusterState> Clusters => _clusters.Values;

    public ClusterState GetCluster(string clusterId) =>
        _clusters.TryGetValue(clusterId, out var cluster) ? cluster : throw new KeyNotFoundException($"No cluster '{clusterId}'.");

    public void Dispose()
    {
        foreach (var cluster in _clusters.Values)
        {
            cluster.HttpClient.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster {ClusterId}: {Destinations}")]
    private static partial void LogCluster(ILogger logger, string clusterId, string destinations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {ClusterId}: destination {DestinationId} has no address: {Problem}")]
    private static partial void LogUnresolved(ILogger logger, string clusterId, string destinationId, string problem);
}
