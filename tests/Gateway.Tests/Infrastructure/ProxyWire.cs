using System.Net;
using System.Net.Http.Headers;
using Google.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// What a proxy sees of a gRPC call: an HTTP/2 POST with <c>content-type: application/grpc</c> and <c>te: trailers</c>
/// whose body it forwards as opaque bytes, answered with HTTP 200 and <c>grpc-status</c> in the trailers (or in the
/// headers of a trailers-only reply). The gateway never parses gRPC messages, so these tests send and expect bytes
/// as they are; the gRPC semantics through the gateway are proven with grpc-dotnet's own client and server
/// (<c>GrpcServiceThroughGatewayTests</c>) and with grpc-js.
/// </summary>
public static class ProxyWire
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A client speaking cleartext HTTP/2 with prior knowledge (h2c), as gRPC clients do.</summary>
    public static HttpClient Http2Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true })
        {
            BaseAddress = baseAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public static HttpClient Http1Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

    public static HttpRequestMessage Request(string path, HttpContent content, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>A call whose whole body is sent at once.</summary>
    public static HttpRequestMessage Call(string path, byte[] body, string? token = null) =>
        Request(path, new ByteArrayContent(body), token);

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).WaitAsync(Patience, cancellationToken);

    /// <summary>The grpc-status of a response: from the trailers, or from the headers of a trailers-only reply.</summary>
    public static string? GrpcStatus(HttpResponseMessage response) =>
        Value(response.TrailingHeaders, "grpc-status") ?? Value(response.Headers, "grpc-status");

    public static string? GrpcMessage(HttpResponseMessage response) =>
        Value(response.TrailingHeaders, "grpc-message") ?? Value(response.Headers, "grpc-message");

    /// <summary>
    /// The google.rpc.Status in a trailers-only reply's grpc-status-details-bin, asserted to agree with its grpc-status
    /// and grpc-message and to end with the ErrorInfo of the mechanism's domain and <paramref name="reason"/>.
    /// </summary>
    public static (Google.Rpc.Status Status, ErrorInfo Info) Refusal(HttpResponseMessage response, string reason)
    {
        var header = Value(response.Headers, TrailersOnlyStatus.DetailsHeader) ?? throw new Xunit.Sdk.XunitException("no grpc-status-details-bin in the reply");
        var status = Google.Rpc.Status.Parser.ParseFrom(DecodeBinaryHeader(header));
        Assert.Equal((Value(response.Headers, "grpc-status"), Uri.UnescapeDataString(Value(response.Headers, "grpc-message")!)),
            (status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), status.Message));
        var info = Assert.Single(status.Details, d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal((GrpcErrors.ErrorDomain, reason), (info.Domain, info.Reason));
        return (status, info);
    }

    /// <summary>A binary header's value: base64, padded or not.</summary>
    public static byte[] DecodeBinaryHeader(string value) => Convert.FromBase64String(value.PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '='));

    public static string? Value(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>Reads exactly <paramref name="count"/> bytes of a response body, or null when it ended first.</summary>
    public static async Task<byte[]?> ReadBytesAsync(Stream stream, int count, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).AsTask().WaitAsync(Patience, cancellationToken);
            if (read == 0)
            {
                return null;
            }
            filled += read;
        }
        return buffer;
    }

    // ---- backend side ----

    /// <summary>Reads a whole request body on the backend.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    public static void StartGrpcResponse(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/grpc";
    }

    /// <summary>Sends the response headers now (Kestrel's StartAsync alone does not put them on the wire).</summary>
    public static async Task SendHeadersAsync(HttpContext context)
    {
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Writes bytes of the response body and puts them on the wire.</summary>
    public static async Task WriteAsync(HttpContext context, byte[] bytes)
    {
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static void SetStatusTrailers(HttpContext context, int status, string? message = null)
    {
        context.Response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", message);
        }
    }

    /// <summary>Resets the backend's HTTP/2 stream with an error code.</summary>
    public static void Reset(HttpContext context, int errorCode) => context.Features.Get<IHttpResetFeature>()!.Reset(errorCode);
}
