using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>
/// Builds the forwarded request from the incoming one and copies the destination's response back
/// (YARP's HttpTransformer). The default copies every header except hop-by-hop ones, keeps
/// <c>te: trailers</c>, sets X-Forwarded-For/Proto/Host, and copies values byte for byte (no parsing).
/// </summary>
public class HttpTransformer
{
    public static readonly HttpTransformer Default = new();

    /// <summary>How X-Forwarded-* headers are written: replaced (the edge default), appended to, or not at all.</summary>
    protected virtual ForwardedHeadersMode ForwardedHeaders => ForwardedHeadersMode.Set;

    public virtual ValueTask TransformRequestAsync(HttpContext context, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        var request = context.Request;
        CopyRequestHeaders(request, proxyRequest);
        AddForwardedHeaders(context, proxyRequest, ForwardedHeaders);
        proxyRequest.RequestUri = MakeDestinationAddress(destinationPrefix, TransformPath(request.Path), request.QueryString);
        return ValueTask.CompletedTask;
    }

    /// <summary>The path sent to the destination (route transforms change it).</summary>
    protected virtual PathString TransformPath(PathString path) => path;

    public virtual ValueTask TransformResponseAsync(HttpContext context, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
    {
        var headers = context.Response.Headers;
        CopyResponseHeaders(proxyResponse.Headers.NonValidated, headers);
        CopyResponseHeaders(proxyResponse.Content.Headers.NonValidated, headers);
        return ValueTask.CompletedTask;
    }

    /// <summary>Copies the destination's trailers (gRPC status) after the body, when the client's protocol carries trailers.</summary>
    public virtual ValueTask TransformResponseTrailersAsync(HttpContext context, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is not null && !trailers.IsReadOnly)
        {
            CopyResponseHeaders(proxyResponse.TrailingHeaders.NonValidated, trailers);
        }
        return ValueTask.CompletedTask;
    }

    public static Uri MakeDestinationAddress(string destinationPrefix, PathString path, QueryString query)
    {
        var prefix = destinationPrefix.AsSpan();
        if (path.HasValue && prefix.EndsWith("/"))
        {
            prefix = prefix[..^1];
        }
        return new Uri(string.Concat(prefix, path.ToUriComponent(), query.ToUriComponent()), UriKind.Absolute);
    }

    protected static void CopyRequestHeaders(HttpRequest request, HttpRequestMessage proxyRequest)
    {
        var headers = request.Headers;
        var connectionOptions = headers.Connection.Count == 0
            ? null
            : HeaderRules.ConnectionOptions(headers.Connection).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            if (HeaderRules.SkipRequestHeader(name) || connectionOptions?.Contains(name) == true)
            {
                continue;
            }
            AddHeader(proxyRequest, name, values);
        }
        var te = headers.TE;
        if ((te.Count == 1 && string.Equals(te[0], "trailers", StringComparison.OrdinalIgnoreCase)) || (te.Count > 0 && HeaderRules.AcceptsTrailers(te)))
        {
            proxyRequest.Headers.TryAddWithoutValidation("TE", "trailers");
        }
    }

    protected static void AddForwardedHeaders(HttpContext context, HttpRequestMessage proxyRequest, ForwardedHeadersMode mode)
    {
        if (mode == ForwardedHeadersMode.Off)
        {
            return;
        }
        var request = context.Request;
        var remote = context.Connection.RemoteIpAddress;
        var forwardedFor = remote is null ? null : (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString();
        var append = mode == ForwardedHeadersMode.Append;
        Add(proxyRequest, "X-Forwarded-For", append ? request.Headers["X-Forwarded-For"] : default, forwardedFor);
        Add(proxyRequest, "X-Forwarded-Proto", append ? request.Headers["X-Forwarded-Proto"] : default, request.Scheme);
        Add(proxyRequest, "X-Forwarded-Host", append ? request.Headers["X-Forwarded-Host"] : default, request.Host.Value);
        if (request.PathBase.HasValue)
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Prefix", request.PathBase.ToUriComponent());
        }

        static void Add(HttpRequestMessage proxyRequest, string name, StringValues existing, string? value)
        {
            if (existing.Count == 0)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    proxyRequest.Headers.TryAddWithoutValidation(name, value);
                }
                return;
            }
            var joined = string.Join(", ", existing.Where(v => !string.IsNullOrEmpty(v)).Append(value).Where(v => !string.IsNullOrEmpty(v)));
            if (joined.Length > 0)
            {
                proxyRequest.Headers.TryAddWithoutValidation(name, joined);
            }
        }
    }

    /// <summary>Adds a header to the request or, for content headers (Content-Type, Content-Length...), to its content.</summary>
    protected static void AddHeader(HttpRequestMessage proxyRequest, string name, StringValues values)
    {
        foreach (var value in values)
        {
            if (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                return;
            }
        }
        if (values.Count > 1 && name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
        {
            values = string.Join("; ", values.ToArray());
        }
        if (proxyRequest.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
        {
            return;
        }
        proxyRequest.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
    }

    private static void CopyResponseHeaders(HttpHeadersNonValidated source, IHeaderDictionary destination)
    {
        foreach (var (name, values) in source)
        {
            if (HeaderRules.SkipResponseHeader(name))
            {
                continue;
            }
            var copied = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());
            destination[name] = destination.TryGetValue(name, out var existing) ? StringValues.Concat(existing, copied) : copied;
        }
    }
}

public enum ForwardedHeadersMode
{
    Set,
    Append,
    Off,
}
