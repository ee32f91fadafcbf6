using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Grpc;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// gRPC needs HTTP/2 to the service: a gRPC call that lands on an HTTP/1.x cluster (the pages catch-all,
/// typically) names a service nobody serves here, and is answered UNIMPLEMENTED (reason NOT_ROUTED) instead of being
/// forwarded.
/// </summary>
public sealed class GrpcRoutingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var version = context.GetReverseProxyFeature().Cluster.Config.HttpRequest?.Version;
        if (version is not { Major: >= 2 } && GrpcResponses.IsGrpcRequest(context.Request))
        {
            await TrailersOnlyStatus.WriteAsync(context, GrpcErrors.Refusal(StatusCode.Unimplemented, $"No gRPC service is routed at {context.Request.Path}.",
                RefusalReasons.NotRouted, [("method", context.Request.Path.Value)]));
            return;
        }
        await next(context);
    }
}
