using ReviewMechanism.ReverseProxy.Model;

namespace ReviewMechanism.ReverseProxy.Routing;

/// <summary>On the HttpContext of a forwarded request: the route, cluster and chosen destination.</summary>
public interface IReverseProxyFeature
{
    RouteModel Route { get; }

    DestinationState? Destination { get; }
}

internal sealed class ReverseProxyFeature(RouteModel route) : IReverseProxyFeature
{
    public RouteModel Route { get; } = route;

    public DestinationState? Destination { get; set; }
}
