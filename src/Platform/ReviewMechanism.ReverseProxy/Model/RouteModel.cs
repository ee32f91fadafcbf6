using ReviewMechanism.ReverseProxy.Configuration;
using ReviewMechanism.ReverseProxy.Forwarder;

namespace ReviewMechanism.ReverseProxy.Model;

/// <summary>A route at run time: its configuration, its cluster, its transformer and size limits. Also the endpoint metadata middleware reads (e.g. the rate limiter policy).</summary>
public sealed class RouteModel(RouteConfig config, ClusterState cluster, HttpTransformer transformer)
{
    public string RouteId => Config.RouteId;

    public RouteConfig Config { get; } = config;

    public ClusterState Cluster { get; } = cluster;

    public HttpTransformer Transformer { get; } = transformer;

    public RequestBodyLimits Limits { get; } = new(config.MaxRequestBodySize, config.MaxRequestMessageSize);

    public override string ToString() => $"route {RouteId} -> cluster {Cluster.ClusterId}";
}
