using Microsoft.AspNetCore.Http;
using ReviewMechanism.ReverseProxy.Configuration;
using ReviewMechanism.ReverseProxy.Forwarder;

namespace ReviewMechanism.ReverseProxy.Transforms;

/// <summary>Turns a route's <c>Transforms</c> list into a transformer; an unknown transform is a start-up error.</summary>
internal static class TransformBuilder
{
    public static HttpTransformer Build(RouteConfig route)
    {
        if (route.Transforms.Count == 0)
        {
            return HttpTransformer.Default;
        }
        var removePrefix = PathString.Empty;
        var addPrefix = PathString.Empty;
        var setHeaders = new List<(string, string, bool)>();
        var removeHeaders = new List<string>();
        var forwarded = ForwardedHeadersMode.Set;
        for (var i = 0; i < route.Transforms.Count; i++)
        {
            var transform = route.Transforms[i];
            var where = $"ReverseProxy:Routes:{route.RouteId}:Transforms:{i}";
            if (transform.TryGetValue("PathRemovePrefix", out var remove))
            {
                removePrefix = Path(remove, where);
            }
            else if (transform.TryGetValue("PathPrefix", out var add))
            {
                addPrefix = Path(add, where);
            }
            else if (transform.TryGetValue("RequestHeader", out var header))
            {
                if (transform.TryGetValue("Set", out var set))
                {
                    setHeaders.Add((header, set, false));
                }
                else if (transform.TryGetValue("Append", out var append))
                {
                    setHeaders.Add((header, append, true));
                }
                else
                {
                    throw new InvalidOperationException($"{where}: RequestHeader needs Set or Append.");
                }
            }
            else if (transform.TryGetValue("RequestHeaderRemove", out var removed))
            {
                removeHeaders.Add(removed);
            }
            else if (transform.TryGetValue("X-Forwarded", out var mode))
            {
                if (!Enum.TryParse(mode, ignoreCase: true, out forwarded) || !Enum.IsDefined(forwarded))
                {
                    throw new InvalidOperationException($"{where}: X-Forwarded must be Set, Append or Off, got '{mode}'.");
                }
            }
            else
            {
                throw new InvalidOperationException(
                    $"{where}: unknown transform '{string.Join(",", transform.Keys)}' (supported: PathRemovePrefix, PathPrefix, RequestHeader+Set/Append, RequestHeaderRemove, X-Forwarded).");
            }
        }
        return new RouteTransformer(removePrefix, addPrefix, setHeaders, removeHeaders, forwarded);
    }

    private static PathString Path(string value, string where) =>
        value.StartsWith('/') ? new PathString(value.TrimEnd('/')) : throw new InvalidOperationException($"{where}: a path must start with '/', got '{value}'.");
}
