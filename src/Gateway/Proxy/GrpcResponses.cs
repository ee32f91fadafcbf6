using ReviewMechanism.ServiceDefaults.Grpc;

namespace Gateway.Proxy;

/// <summary>
/// Answers the gateway writes itself. A gRPC caller gets a trailers-only status with the rich error model
/// (<see cref="TrailersOnlyStatus"/>: <c>grpc-status</c>, <c>grpc-message</c>, <c>grpc-status-details-bin</c> with a
/// google.rpc.ErrorInfo of the mechanism's domain, reasons in <see cref="RefusalReasons"/>), so grpc-dotnet, grpc-js
/// and grpcio clients see the status, the message and the reason; any other caller gets the HTTP status and a
/// one-line text body.
/// </summary>
public static class GrpcResponses
{
    /// <summary>A gRPC call: HTTP/2 and an application/grpc content type (application/grpc+proto too).</summary>
    public static bool IsGrpcRequest(HttpRequest request) =>
        HttpProtocol.IsHttp2(request.Protocol) && TrailersOnlyStatus.IsGrpcRequest(request);

    /// <summary>
    /// A refusal or failure: gRPC callers get <paramref name="status"/> with <paramref name="grpcHttpStatus"/>
    /// (default: <paramref name="httpStatus"/>; 200 for a status the call itself earned, the gateway's own
    /// 502/503/504 kept so that a client that does not read grpc-status still maps them to UNAVAILABLE), others the
    /// HTTP status and the status's message as text.
    /// </summary>
    public static async Task WriteErrorAsync(HttpContext context, int httpStatus, Google.Rpc.Status status, int? grpcHttpStatus = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.Clear();
        if (IsGrpcRequest(context.Request))
        {
            await TrailersOnlyStatus.WriteAsync(context, status, grpcHttpStatus ?? httpStatus).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(status.Message + "\n", context.RequestAborted).ConfigureAwait(false);
    }
}
