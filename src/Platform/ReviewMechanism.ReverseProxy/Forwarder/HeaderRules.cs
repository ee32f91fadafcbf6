using System.Collections.Frozen;

namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>
/// Which headers a proxy must not pass on (RFC 9110 7.6.1 and RFC 9113 8.2.2): connection-specific
/// ones, anything named by <c>Connection</c>, <c>Proxy-*</c>, and <c>TE</c> except the value
/// <c>trailers</c> (which gRPC requires on HTTP/2).
/// </summary>
public static class HeaderRules
{
    private static readonly FrozenSet<string> HopByHop = new[]
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "TE", "Close", "ALPN", "Alt-Svc",
        "Security-Scheme", "HTTP2-Settings",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers the proxy sets itself on the forwarded request.</summary>
    private static readonly FrozenSet<string> SetByProxy = new[]
    {
        "Host", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsHopByHop(string name) =>
        HopByHop.Contains(name) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a request header the forwarded request must not carry as received.</summary>
    public static bool SkipRequestHeader(string name) =>
        name.StartsWith(':') || IsHopByHop(name) || SetByProxy.Contains(name);

    public static bool SkipResponseHeader(string name) => name.StartsWith(':') || IsHopByHop(name);

    /// <summary>The names listed in a <c>Connection</c> header (RFC 9110 7.6.1: also hop-by-hop).</summary>
    public static IEnumerable<string> ConnectionOptions(IEnumerable<string?> connectionValues) =>
        connectionValues
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>True when a TE header asks for trailers (the only TE value allowed on HTTP/2).</summary>
    public static bool AcceptsTrailers(IEnumerable<string?> teValues) =>
        teValues.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Any(v => v.Split(';')[0].Trim().Equals("trailers", StringComparison.OrdinalIgnoreCase));
}
