using ReviewMechanism.ReverseProxy.Model;

namespace ReviewMechanism.ReverseProxy.LoadBalancing;

/// <summary>The policies of YARP's LoadBalancingPolicies, by name.</summary>
public static class LoadBalancingPolicies
{
    public const string RoundRobin = "RoundRobin";
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";
    public const string LeastRequests = "LeastRequests";
    public const string Random = "Random";
    public const string FirstAlphabetical = "FirstAlphabetical";

    public static IReadOnlyList<string> Names { get; } = [RoundRobin, PowerOfTwoChoices, LeastRequests, Random, FirstAlphabetical];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static ILoadBalancingPolicy Create(string? name) => (name ?? RoundRobin).ToUpperInvariant() switch
    {
        "ROUNDROBIN" => new RoundRobinPolicy(),
        "POWEROFTWOCHOICES" => new PowerOfTwoChoicesPolicy(),
        "LEASTREQUESTS" => new LeastRequestsPolicy(),
        "RANDOM" => new RandomPolicy(),
        "FIRSTALPHABETICAL" => new FirstAlphabeticalPolicy(),
        _ => throw new ArgumentException($"Unknown load balancing policy '{name}'.", nameof(name)),
    };
}

/// <summary>Each destination in turn.</summary>
public sealed class RoundRobinPolicy : ILoadBalancingPolicy
{
    public string Name => LoadBalancingPolicies.RoundRobin;

    public DestinationState PickDestination(ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations) =>
        availableDestinations[cluster.NextRoundRobin() % availableDestinations.Count];
}

/// <summary>Two destinations at random, the one serving fewer requests: near least-requests quality without scanning or herding.</summary>
public sealed class PowerOfTwoChoicesPolicy : ILoadBalancingPolicy
{
    public string Name => LoadBalancingPolicies.PowerOfTwoChoices;

    public DestinationState PickDestination(ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        var count = availableDestinations.Count;
        if (count == 1)
        {
            return availableDestinations[0];
        }
        var first = System.Random.Shared.Next(count);
        var second = System.Random.Shared.Next(count - 1);
        if (second >= first)
        {
            second++;
        }
        var a = availableDestinations[first];
        var b = availableDestinations[second];
        return b.ConcurrentRequests < a.ConcurrentRequests ? b : a;
    }
}

/// <summary>The destination serving the fewest requests now (the first of equals).</summary>
public sealed class LeastRequestsPolicy : ILoadBalancingPolicy
{
    public string Name => LoadBalancingPolicies.LeastRequests;

    public DestinationState PickDestination(ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        var best = availableDestinations[0];
        for (var i = 1; i < availableDestinations.Count; i++)
        {
            if (availableDestinations[i].ConcurrentRequests < best.ConcurrentRequests)
            {
                best = availableDestinations[i];
            }
        }
        return best;
    }
}

public sealed class RandomPolicy : ILoadBalancingPolicy
{
    public string Name => LoadBalancingPolicies.Random;

    public DestinationState PickDestination(ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations) =>
        availableDestinations[System.Random.Shared.Next(availableDestinations.Count)];
}

public sealed class FirstAlphabeticalPolicy : ILoadBalancingPolicy
{
    public string Name => LoadBalancingPolicies.FirstAlphabetical;

    public DestinationState PickDestination(ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations) =>
        availableDestinations.MinBy(d => d.DestinationId, StringComparer.OrdinalIgnoreCase)!;
}
