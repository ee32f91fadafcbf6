using System.Globalization;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// The one writer of a gRPC status sent before any RPC code ran (a refusal by authorization in a service, any answer
/// the gateway writes itself): a trailers-only response, one HEADERS frame that ends the stream, with
/// <c>grpc-status</c>, the percent-encoded <c>grpc-message</c> and <c>grpc-status-details-bin</c> (the
/// google.rpc.Status with its ErrorInfo, see <see cref="GrpcErrors.Refusal"/>), so grpc-dotnet, grpc-js and grpcio
/// clients read the same rich details as from a refusal by the service's own code.
/// </summary>
public static class TrailersOnlyStatus
{
    public const string ContentType = "application/grpc";

    /// <summary>A gRPC call's content type: <c>application/grpc</c>, or with a suffix (<c>+proto</c>) or parameters; not gRPC-Web.</summary>
    public static bool IsGrpcRequest(HttpRequest request) =>
        request.ContentType is { } type
        && type.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (type.Length == ContentType.Length || type[ContentType.Length] is '+' or ';');

    /// <summary>The binary header that carries the google.rpc.Status (unpadded base64, as gRPC sends binary headers).</summary>
    public const string DetailsHeader = "grpc-status-details-bin";

    /// <summary>
    /// Sends <paramref name="status"/> and ends the response. <paramref name="httpStatus"/> stays 200 for a refusal the
    /// call itself earned; the gateway keeps 502/503/504 for its own failures so that a client that does not read
    /// grpc-status still takes them as UNAVAILABLE.
    /// </summary>
    public static Task WriteAsync(HttpContext context, Google.Rpc.Status status, int httpStatus = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(status);
        var response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = ContentType;
        response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = EncodeMessage(status.Message);
        response.Headers[DetailsHeader] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        // No body: Kestrel sends the headers with END_STREAM, which is what gRPC calls trailers-only.
        return response.CompleteAsync();
    }

    /// <summary>
    /// grpc-message is percent-encoded UTF-8, but only '%' and bytes outside printable ASCII (0x20-0x7E) are encoded
    /// (the gRPC HTTP/2 protocol); clients decode it back to the text.
    /// </summary>
    public static string EncodeMessage(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
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
