using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Tests.Infrastructure;

/// <summary>Hand-framed gRPC over HTTP/2: length-prefixed messages, requests and responses built byte by byte.</summary>
public static class GrpcWire
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static byte[] Frame(byte[] payload)
    {
        var framed = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(framed, 5);
        return framed;
    }

    public static byte[] Frames(params byte[][] payloads) => payloads.SelectMany(Frame).ToArray();

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

    public static HttpRequestMessage Unary(string path, byte[] payload, string? token = null) =>
        Request(path, new ByteArrayContent(Frame(payload)), token);

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).WaitAsync(Patience, cancellationToken);

    /// <summary>The grpc-status of a response: from the trailers, or from the headers of a trailers-only reply.</summary>
    public static string? GrpcStatus(HttpResponseMessage response) =>
        Value(response.TrailingHeaders, "grpc-status") ?? Value(response.Headers, "grpc-status");

    public static string? GrpcMessage(HttpResponseMessage response) =>
        Value(response.TrailingHeaders, "grpc-message") ?? Value(response.Headers, "grpc-message");

    public static string? Value(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>Reads exactly one length-prefixed message from a response stream, or null at the end.</summary>
    public static async Task<byte[]?> ReadMessageAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var header = new byte[5];
        if (!await ReadExactlyOrEndAsync(stream, header, cancellationToken))
        {
            return null;
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        var payload = new byte[length];
        if (!await ReadExactlyOrEndAsync(stream, payload, cancellationToken) && length > 0)
        {
            throw new EndOfStreamException("The stream ended inside a message.");
        }
        return payload;
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).AsTask().WaitAsync(Patience, cancellationToken);
            if (read == 0)
            {
                return filled == 0 ? false : throw new EndOfStreamException("The stream ended inside a message.");
            }
            filled += read;
        }
        return true;
    }

    // ---- backend side ----

    /// <summary>Reads a whole request body on the backend.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>Reads one request message on the backend (null when the client ended its stream).</summary>
    public static Task<byte[]?> ReadRequestMessageAsync(HttpContext context) => ReadMessageAsync(context.Request.Body, context.RequestAborted);

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

    public static async Task WriteMessageAsync(HttpContext context, byte[] payload)
    {
        await context.Response.Body.WriteAsync(Frame(payload), context.RequestAborted);
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
