using System.Globalization;
using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace Gateway.Proxy;

/// <summary>
/// Answers the gateway writes itself. A gRPC caller gets a trailers-only response (one HEADERS frame with
/// <c>grpc-status</c>, <c>grpc-message</c> and optionally <c>grpc-status-details-bin</c>, END_STREAM), so
/// grpc-dotnet, grpc-js and grpcio clients see the status and the reason; any other caller gets the HTTP
/// status and a one-line text body.
/// </summary>
public static class GrpcResponses
{
    public const string ContentType = "application/grpc";

    /// <summary>A gRPC call: HTTP/2 and an application/grpc content type (application/grpc+proto too).</summary>
    public static bool IsGrpcRequest(HttpRequest request) =>
        HttpProtocol.IsHttp2(request.Protocol)
        && request.ContentType is { } contentType
        && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';');

    /// <summary>
    /// A trailers-only gRPC status. <paramref name="httpStatus"/> stays 200 for a status the call itself earned
    /// (RESOURCE_EXHAUSTED, UNAUTHENTICATED...); the gateway's own 502/503/504 keep their HTTP code so a client
    /// that does not read grpc-status still maps them to UNAVAILABLE.
    /// </summary>
    public static Task WriteStatusAsync(HttpContext context, StatusCode code, string message, int httpStatus = StatusCodes.Status200OK, Google.Rpc.Status? details = null)
    {
        var response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = ContentType;
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = EncodeMessage(message);
        if (details is not null)
        {
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(details.ToByteArray()).TrimEnd('=');
        }
        // No body: Kestrel sends the headers with END_STREAM, which is what gRPC calls trailers-only.
        return Task.CompletedTask;
    }

    /// <summary>
    /// A refusal or failure: gRPC callers get <paramref name="grpcCode"/> with <paramref name="grpcHttpStatus"/>
    /// (default: <paramref name="httpStatus"/>), others the HTTP status and the message as text.
    /// </summary>
    public static async Task WriteErrorAsync(HttpContext context, int httpStatus, StatusCode grpcCode, string message, int? grpcHttpStatus = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.Clear();
        if (IsGrpcRequest(context.Request))
        {
            await WriteStatusAsync(context, grpcCode, message, grpcHttpStatus ?? httpStatus).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// grpc-message is percent-encoded UTF-8, but only '%' and bytes outside printable ASCII (0x20-0x7E) are
    /// encoded (the gRPC HTTP/2 protocol); clients decode it back to the text.
    /// </summary>
    public static string EncodeMessage(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
