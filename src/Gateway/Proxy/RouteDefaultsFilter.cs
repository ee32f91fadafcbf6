using Gateway.RateLimiting;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Proxy;

/// <summary>
/// What a route that leaves a setting out gets, so nothing is public or unlimited by omission: no
/// <c>AuthorizationPolicy</c> means <c>Default</c> (any valid token; <c>Anonymous</c> must be written), no
/// <c>RateLimiterPolicy</c> means <c>RateLimiting:DefaultPolicy</c> (<c>Disable</c> must be written).
/// </summary>
public sealed class RouteDefaultsFilter(IOptions<RateLimitingOptions> rateLimiting) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(route.AuthorizationPolicy))
        {
            route = route with { AuthorizationPolicy = "Default" };
        }
        if (string.IsNullOrEmpty(route.RateLimiterPolicy) && rateLimiting.Value.DefaultPolicy is { Length: > 0 } policy)
        {
            route = route with { RateLimiterPolicy = policy };
        }
        return ValueTask.FromResult(route);
    }
}
