using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>Turns what came back over HTTP/2 (status line, headers, trailers, errors) into a gRPC status.</summary>
internal static class ResponseStatus
{
    /// <summary>The HTTP to gRPC mapping for responses without grpc-status (grpc/doc/http-grpc-status-mapping.md).</summary>
    public static StatusCode FromHttpStatus(HttpStatusCode httpStatus) => (int)httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        431 => StatusCode.Internal,
        _ => StatusCode.Unknown,
    };

    /// <summary>Reads grpc-status and grpc-message from a header block; false when grpc-status is absent.</summary>
    public static bool TryGetStatus(HttpHeaders headers, out Status status)
    {
        var nonValidated = headers.NonValidated;
        if (!nonValidated.TryGetValues(GrpcHeaders.Status, out var statusValues))
        {
            status = default;
            return false;
        }
        var statusText = statusValues.ToString();
        string message = nonValidated.TryGetValues(GrpcHeaders.Message, out var messageValues)
            ? GrpcMessageEncoding.Decode(messageValues.ToString())
            : "";
        if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            status = new Status(StatusCode.Unknown, $"Could not parse grpc-status '{statusText}' from the server" + (message.Length > 0 ? ": " + message : "."));
            return true;
        }
        status = new Status((StatusCode)code, message);
        return true;
    }

    /// <summary>
    /// The status for a failure seen by HttpClient: a stream reset maps by its HTTP/2 error code
    /// (PROTOCOL-HTTP2.md), a connection that failed or broke is UNAVAILABLE.
    /// </summary>
    public static Status FromException(Exception exception, bool beforeResponse)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case RpcException rpc:
                    return rpc.Status;
                case HttpProtocolException protocol:
                    return FromHttp2ErrorCode(protocol.ErrorCode, protocol.Message);
                case InvalidProtocolBufferException parse:
                    return new Status(StatusCode.Internal, "Failed to deserialize the response message: " + parse.Message);
            }
        }
        return exception switch
        {
            OperationCanceledException { InnerException: TimeoutException } => new Status(StatusCode.DeadlineExceeded,
                "HttpClient.Timeout elapsed. Give the channel's HttpClient an infinite Timeout and use call deadlines."),
            OperationCanceledException => new Status(StatusCode.Cancelled, "The HTTP request was canceled: " + exception.Message),
            ObjectDisposedException => new Status(StatusCode.Unavailable, "The channel or its HttpClient was disposed: " + exception.Message),
            HttpRequestException when beforeResponse => new Status(StatusCode.Unavailable, "Error starting gRPC call: " + Describe(exception)),
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, "The connection broke during the call: " + Describe(exception)),
            _ => new Status(StatusCode.Internal, "Error in the gRPC client: " + Describe(exception)),
        };
    }

    public static Status FromHttp2ErrorCode(long errorCode, string message) => errorCode switch
    {
        0x7 => new Status(StatusCode.Unavailable, "The server refused the stream (REFUSED_STREAM): " + message),
        0x8 => new Status(StatusCode.Cancelled, "The server cancelled the stream (RST_STREAM CANCEL)."),
        0xb => new Status(StatusCode.ResourceExhausted, "The server asked to slow down (ENHANCE_YOUR_CALM): bandwidth exhausted."),
        0xc => new Status(StatusCode.PermissionDenied, "The connection is not secure enough for the call (INADEQUATE_SECURITY)."),
        _ => new Status(StatusCode.Internal, $"The stream was reset by the server with HTTP/2 error code {errorCode}: {message}"),
    };

    private static string Describe(Exception exception)
    {
        var text = exception.GetType().Name + ": " + exception.Message;
        return exception.InnerException is { } inner ? text + " (" + inner.GetType().Name + ": " + inner.Message + ")" : text;
    }
}
