using Grpc.Core;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// gRPC needs HTTP/2 to the service: a gRPC call that lands on an HTTP/1.x cluster (the pages catch-all,
/// typically) names a service nobody serves here, and is answered UNIMPLEMENTED instead of being forwarded.
/// </summary>
public sealed class GrpcRoutingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var version = context.GetReverseProxyFeature().Cluster.Config.HttpRequest?.Version;
        if (version is not { Major: >= 2 } && GrpcResponses.IsGrpcRequest(context.Request))
        {
            await GrpcResponses.WriteStatusAsync(context, StatusCode.Unimplemented, $"No gRPC service is routed at {context.Request.Path}.");
            return;
        }
        await next(context);
    }
}
