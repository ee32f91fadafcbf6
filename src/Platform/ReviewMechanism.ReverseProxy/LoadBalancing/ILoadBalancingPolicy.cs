using ReviewMechanism.ReverseProxy.Model;

namespace ReviewMechanism.ReverseProxy.LoadBalancing;

/// <summary>Chooses one of a cluster's available destinations for a request (YARP's ILoadBalancingPolicy).</summary>
public interface ILoadBalancingPolicy
{
    string Name { get; }

    DestinationState PickDestination(ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations);
}
