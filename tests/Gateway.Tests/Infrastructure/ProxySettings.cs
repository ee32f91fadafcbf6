using System.Globalization;

namespace Gateway.Tests.Infrastructure;

/// <summary>Builds ReverseProxy:* configuration entries for test routes and clusters, as the AppHost's environment would.</summary>
public sealed class ProxySettings : Dictionary<string, string?>
{
    public ProxySettings Route(string routeId, string path, string clusterId, string? authorizationPolicy = "anonymous",
        string? rateLimiterPolicy = null, long? maxBodySize = null)
    {
        var key = $"ReverseProxy:Routes:{routeId}";
        this[$"{key}:ClusterId"] = clusterId;
        this[$"{key}:Match:Path"] = path;
        this[$"{key}:AuthorizationPolicy"] = authorizationPolicy;
        this[$"{key}:RateLimiterPolicy"] = rateLimiterPolicy;
        if (maxBodySize is not null)
        {
            this[$"{key}:MaxRequestBodySize"] = maxBodySize.Value.ToString(CultureInfo.InvariantCulture);
        }
        return this;
    }

    /// <summary>A cluster of h2c destinations (Version 2.0, exact), as gRPC clusters are configured.</summary>
    public ProxySettings GrpcCluster(string clusterId, IEnumerable<string> destinations, TimeSpan? activityTimeout = null) =>
        Cluster(clusterId, destinations, "2.0", "RequestVersionExact", activityTimeout);

    public ProxySettings Cluster(string clusterId, IEnumerable<string> destinations, string version = "1.1", string? versionPolicy = null, TimeSpan? activityTimeout = null)
    {
        var key = $"ReverseProxy:Clusters:{clusterId}";
        var i = 0;
        foreach (var destination in destinations)
        {
            this[$"{key}:Destinations:d{i++}:Address"] = destination;
        }
        this[$"{key}:HttpRequest:Version"] = version;
        this[$"{key}:HttpRequest:VersionPolicy"] = versionPolicy;
        if (activityTimeout is not null)
        {
            this[$"{key}:HttpRequest:ActivityTimeout"] = activityTimeout.Value.ToString("c", CultureInfo.InvariantCulture);
        }
        return this;
    }

    public ProxySettings With(string key, string? value)
    {
        this[key] = value;
        return this;
    }
}
