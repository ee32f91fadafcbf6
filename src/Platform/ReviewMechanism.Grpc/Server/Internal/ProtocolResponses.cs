using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>Answers for requests that never become calls: wrong content type, HTTP/1.x, unknown method.</summary>
internal static class ProtocolResponses
{
    public static bool IsHttp2OrLater(string protocol) =>
        HttpProtocol.IsHttp2(protocol) || HttpProtocol.IsHttp3(protocol);

    /// <summary>PROTOCOL-HTTP2.md: a content type other than application/grpc gets HTTP 415.</summary>
    public static Task UnsupportedMediaTypeAsync(HttpContext httpContext)
    {
        var contentType = httpContext.Request.ContentType;
        return HttpErrorAsync(httpContext, StatusCodes.Status415UnsupportedMediaType,
            contentType is null
                ? "The request has no Content-Type; gRPC requests use application/grpc."
                : $"Content-Type '{contentType}' is not supported; gRPC requests use application/grpc.");
    }

    /// <summary>gRPC runs on HTTP/2: an HTTP/1.x request gets 426 Upgrade Required.</summary>
    public static Task UpgradeRequiredAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.Upgrade = httpContext.Request.IsHttps ? "h2" : "h2c";
        httpContext.Response.Headers.Connection = "Upgrade";
        return HttpErrorAsync(httpContext, StatusCodes.Status426UpgradeRequired,
            $"Request protocol '{httpContext.Request.Protocol}' is not supported; gRPC requires HTTP/2.");
    }

    /// <summary>A trailers-only UNIMPLEMENTED response (HTTP 200, status in the only HEADERS frame).</summary>
    public static Task UnimplementedAsync(HttpContext httpContext, string message)
    {
        var headers = httpContext.Response.Headers;
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = StatusStrings.GrpcContentType;
        headers.GrpcStatus = StatusStrings.For(StatusCode.Unimplemented);
        headers.GrpcMessage = GrpcMessageEncoding.Encode(message);
        return Task.CompletedTask;
    }

    private static Task HttpErrorAsync(HttpContext httpContext, int httpStatus, string message)
    {
        var response = httpContext.Response;
        response.StatusCode = httpStatus;
        response.Headers.GrpcStatus = StatusStrings.For(StatusCode.Internal);
        response.Headers.GrpcMessage = GrpcMessageEncoding.Encode(message);
        return Task.CompletedTask;
    }
}
