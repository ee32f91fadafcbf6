using System.Globalization;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>
/// Answers the proxy writes itself. A gRPC caller gets a trailers-only response (one HEADERS frame with
/// <c>grpc-status</c>, <c>grpc-message</c> and optionally <c>grpc-status-details-bin</c>, END_STREAM);
/// any other caller gets the HTTP status and a one-line text body.
/// </summary>
public static class ProxyErrorResponses
{
    /// <summary>A gRPC call: HTTP/2 and an application/grpc content type.</summary>
    public static bool IsGrpcRequest(HttpRequest request) =>
        HttpProtocol.IsHttp2(request.Protocol) && GrpcHeaders.IsGrpcContentType(request.ContentType);

    /// <summary>
    /// A trailers-only gRPC status. <paramref name="httpStatus"/> stays 200 for a status the call itself
    /// earned (RESOURCE_EXHAUSTED, UNAUTHENTICATED...); the proxy's own 502/503/504 keep their HTTP code so
    /// any client maps them to UNAVAILABLE even without reading grpc-status.
    /// </summary>
    public static Task WriteGrpcStatusAsync(HttpContext context, StatusCode code, string message, int httpStatus = StatusCodes.Status200OK, byte[]? statusDetails = null)
    {
        var response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.Status] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers[GrpcHeaders.Message] = GrpcMessageEncoding.Encode(message);
        if (statusDetails is not null)
        {
            response.Headers[GrpcHeaders.StatusDetails] = BinaryHeader.Encode(statusDetails);
        }
        // No body: Kestrel sends the headers with END_STREAM, which is what gRPC calls trailers-only.
        return Task.CompletedTask;
    }

    /// <summary>A gRPC status from an RpcException (its trailers may carry grpc-status-details-bin).</summary>
    public static Task WriteRpcExceptionAsync(HttpContext context, RpcException exception, int httpStatus = StatusCodes.Status200OK) =>
        WriteGrpcStatusAsync(context, exception.StatusCode, exception.Status.Detail, httpStatus, exception.Trailers.GetValueBytes(GrpcHeaders.StatusDetails));

    /// <summary>A failure of the proxy: gRPC callers get <paramref name="grpcCode"/> with the HTTP status kept, others the status and the message as text.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int httpStatus, StatusCode grpcCode, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.Clear();
        if (IsGrpcRequest(context.Request))
        {
            await WriteGrpcStatusAsync(context, grpcCode, message, httpStatus).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", context.RequestAborted).ConfigureAwait(false);
    }
}
