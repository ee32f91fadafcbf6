using Microsoft.AspNetCore.Http;
using ReviewMechanism.ReverseProxy.Forwarder;

namespace ReviewMechanism.ReverseProxy.Transforms;

/// <summary>The default transformer plus a route's configured transforms.</summary>
internal sealed class RouteTransformer(
    PathString removePrefix,
    PathString addPrefix,
    IReadOnlyList<(string Name, string Value, bool Append)> setHeaders,
    IReadOnlyList<string> removeHeaders,
    ForwardedHeadersMode forwarded) : HttpTransformer
{
    protected override ForwardedHeadersMode ForwardedHeaders => forwarded;

    public override async ValueTask TransformRequestAsync(HttpContext context, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(context, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        foreach (var name in removeHeaders)
        {
            proxyRequest.Headers.Remove(name);
            proxyRequest.Content?.Headers.Remove(name);
        }
        foreach (var (name, value, append) in setHeaders)
        {
            if (!append)
            {
                proxyRequest.Headers.Remove(name);
                proxyRequest.Content?.Headers.Remove(name);
            }
            AddHeader(proxyRequest, name, value);
        }
    }

    protected override PathString TransformPath(PathString path)
    {
        if (removePrefix.HasValue && path.StartsWithSegments(removePrefix, StringComparison.OrdinalIgnoreCase, out var remainder))
        {
            path = remainder.HasValue ? remainder : new PathString("/");
        }
        return addPrefix.HasValue ? addPrefix.Add(path) : path;
    }
}
