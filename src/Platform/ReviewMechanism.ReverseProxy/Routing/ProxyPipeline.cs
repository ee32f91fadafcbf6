using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc;
using ReviewMechanism.ReverseProxy.Forwarder;
using ReviewMechanism.ReverseProxy.Model;

namespace ReviewMechanism.ReverseProxy.Routing;

/// <summary>
/// What a proxy endpoint does: pick an available destination of the route's cluster (503 when there
/// is none), forward, and feed passive health with the outcome. A gRPC call routed to an HTTP/1.x
/// cluster (it could never work) gets UNIMPLEMENTED.
/// </summary>
public sealed partial class ProxyPipeline(IHttpForwarder forwarder, TimeProvider time, ILogger<ProxyPipeline> logger)
{
    public async Task InvokeAsync(HttpContext context, RouteModel route)
    {
        var feature = new ReverseProxyFeature(route);
        context.Features.Set<IReverseProxyFeature>(feature);
        var cluster = route.Cluster;
        if (cluster.RequestConfig.Version is { Major: < 2 } && ProxyErrorResponses.IsGrpcRequest(context.Request))
        {
            // gRPC needs HTTP/2 to the destination: a call that lands on an HTTP/1.x cluster (the pages
            // catch-all, typically) names a service nobody serves here.
            await ProxyErrorResponses.WriteGrpcStatusAsync(context, StatusCode.Unimplemented,
                $"No gRPC service is routed at {context.Request.Path}.").ConfigureAwait(false);
            return;
        }
        var available = AvailableDestinations(cluster);
        if (available.Count == 0)
        {
            var message = cluster.Destinations.Count == 0
                ? $"The '{cluster.ClusterId}' service is not available: no address is configured for it."
                : $"No healthy instance of the '{cluster.ClusterId}' service is available; retry later.";
            context.Features.Set<IForwarderErrorFeature>(new ForwarderErrorFeature(ForwarderError.NoAvailableDestinations, null));
            LogNoDestination(logger, route.RouteId, cluster.ClusterId, cluster.Destinations.Count, string.Join("; ", cluster.Unresolved));
            await ProxyErrorResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, StatusCode.Unavailable, message).ConfigureAwait(false);
            return;
        }

        var destination = cluster.LoadBalancer.PickDestination(cluster, available);
        feature.Destination = destination;
        destination.RequestStarted();
        ForwarderError error;
        try
        {
            error = await forwarder.SendAsync(context, destination.Address, cluster.HttpClient, cluster.RequestConfig, route.Transformer, route.Limits).ConfigureAwait(false);
        }
        finally
        {
            destination.RequestFinished();
        }

        if (cluster.PassiveHealthEnabled)
        {
            UpdateHealth(cluster, destination, error, context.Features.Get<IForwarderErrorFeature>()?.Exception);
        }
    }

    private IReadOnlyList<DestinationState> AvailableDestinations(ClusterState cluster)
    {
        var all = cluster.Destinations;
        if (!cluster.PassiveHealthEnabled)
        {
            return all;
        }
        var allAvailable = true;
        foreach (var destination in all)
        {
            allAvailable &= destination.IsAvailable(time);
        }
        return allAvailable ? all : all.Where(d => d.IsAvailable(time)).ToArray();
    }

    private void UpdateHealth(ClusterState cluster, DestinationState destination, ForwarderError error, Exception? exception)
    {
        if (error == ForwarderError.None)
        {
            destination.RecordSuccess();
            return;
        }
        if (!IsTransportFailure(error, exception))
        {
            return;
        }
        if (destination.RecordFailure(cluster.ConsecutiveFailures, cluster.ReactivationPeriod, time))
        {
            LogTakenOut(logger, cluster.ClusterId, destination.DestinationId, destination.Address, cluster.ReactivationPeriod);
        }
    }

    /// <summary>
    /// Failures that say the destination is unwell: unreachable, the connection dropped, or no answer
    /// within the activity timeout. A stream the destination reset on purpose (an HTTP/2 error code) and
    /// failures caused by the client do not count.
    /// </summary>
    private static bool IsTransportFailure(ForwarderError error, Exception? exception) => error switch
    {
        ForwarderError.Request or ForwarderError.ResponseBodyDestination => !IsStreamReset(exception),
        ForwarderError.RequestTimedOut => true,
        _ => false,
    };

    private static bool IsStreamReset(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpProtocolException)
            {
                return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {RouteId}: no available destination in cluster {ClusterId} ({Configured} configured). {Unresolved}")]
    private static partial void LogNoDestination(ILogger logger, string routeId, string clusterId, int configured, string unresolved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {ClusterId}: destination {DestinationId} ({Address}) failed repeatedly and is out of load balancing for {Period}")]
    private static partial void LogTakenOut(ILogger logger, string clusterId, string destinationId, string address, TimeSpan period);
}
