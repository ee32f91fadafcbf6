using System.Net;
using System.Net.Http.Headers;

namespace ReviewMechanism.Grpc.Tests.Infrastructure;

/// <summary>
/// Sends hand-framed gRPC requests with HttpClient over cleartext HTTP/2 (prior knowledge) and
/// returns exactly what came back: HTTP status, headers, body bytes and trailers.
/// </summary>
public sealed class RawGrpcClient : IDisposable
{
    private readonly HttpClient _http;

    public RawGrpcClient(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public static HttpRequestMessage Request(string path, HttpContent? content, string contentType = "application/grpc", Version? version = null)
    {
        content ??= new ByteArrayContent([]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    public Task<RawResponse> PostAsync(string path, byte[] body, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(Request(path, new ByteArrayContent(body)), configure, cancellationToken);

    public async Task<RawResponse> SendAsync(HttpRequestMessage request, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default)
    {
        configure?.Invoke(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return RawResponse.From(response, body);
    }

    /// <summary>Sends and returns as soon as the response headers arrive (for duplex and cancellation tests).</summary>
    public Task<HttpResponseMessage> StartAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _http.Dispose();
}

/// <summary>What the server sent back, byte for byte.</summary>
public sealed class RawResponse
{
    private RawResponse(HttpStatusCode statusCode, Version version, Dictionary<string, string[]> headers, byte[] body, Dictionary<string, string[]> trailers)
    {
        StatusCode = statusCode;
        Version = version;
        Headers = headers;
        Body = body;
        Trailers = trailers;
    }

    public HttpStatusCode StatusCode { get; }

    public Version Version { get; }

    /// <summary>Response and content headers, keys lower-case.</summary>
    public Dictionary<string, string[]> Headers { get; }

    public byte[] Body { get; }

    public Dictionary<string, string[]> Trailers { get; }

    /// <summary>Status in the only HEADERS frame: no body, no trailers (PROTOCOL-HTTP2.md Trailers-Only).</summary>
    public bool IsTrailersOnly => Body.Length == 0 && Trailers.Count == 0 && Headers.ContainsKey("grpc-status");

    public int? GrpcStatus => int.TryParse(Status("grpc-status"), out var code) ? code : null;

    /// <summary>grpc-message as sent (percent-encoded).</summary>
    public string? GrpcMessageRaw => Status("grpc-message");

    public string Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : "";

    public string Trailer(string name) => Trailers.TryGetValue(name, out var values) ? string.Join(",", values) : "";

    /// <summary>The length-prefixed messages of the body.</summary>
    public IReadOnlyList<(bool Compressed, byte[] Payload)> Messages => Frames.Split(Body);

    private string? Status(string name) =>
        Trailers.TryGetValue(name, out var t) ? t[0] : Headers.TryGetValue(name, out var h) ? h[0] : null;

    public static RawResponse From(HttpResponseMessage response, byte[] body)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.NonValidated)
        {
            headers[header.Key.ToLowerInvariant()] = header.Value.ToArray();
        }
        foreach (var header in response.Content.Headers.NonValidated)
        {
            headers[header.Key.ToLowerInvariant()] = header.Value.ToArray();
        }
        var trailers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.TrailingHeaders.NonValidated)
        {
            trailers[header.Key.ToLowerInvariant()] = header.Value.ToArray();
        }
        return new RawResponse(response.StatusCode, response.Version, headers, body, trailers);
    }

    public override string ToString() =>
        $"HTTP {(int)StatusCode}, headers [{string.Join("; ", Headers.Select(h => h.Key + ": " + string.Join(",", h.Value)))}], " +
        $"{Body.Length} body bytes, trailers [{string.Join("; ", Trailers.Select(h => h.Key + ": " + string.Join(",", h.Value)))}]";
}
