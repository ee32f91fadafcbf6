namespace ReviewMechanism.ReverseProxy.Configuration;

/// <summary>
/// One route of <c>ReverseProxy:Routes</c>, shaped like YARP's RouteConfig: which requests it matches,
/// where they go, and what the edge checks before forwarding them.
/// </summary>
public sealed record RouteConfig
{
    public required string RouteId { get; init; }

    public required string ClusterId { get; init; }

    public required RouteMatch Match { get; init; }

    /// <summary>Lower runs first when two routes match the same request (ASP.NET Core routing order).</summary>
    public int? Order { get; init; }

    /// <summary>
    /// <c>anonymous</c> (no token needed), <c>default</c> (any valid token), or the name of an
    /// authorization policy. Unset means <c>default</c>: a route is never public by omission.
    /// </summary>
    public string? AuthorizationPolicy { get; init; }

    /// <summary><c>Default</c> (or unset), <c>Disable</c>, or the name of a rate limiter policy.</summary>
    public string? RateLimiterPolicy { get; init; }

    /// <summary>Largest request body in bytes (whole body); 413 or RESOURCE_EXHAUSTED beyond it. Unset: no limit of the proxy's own.</summary>
    public long? MaxRequestBodySize { get; init; }

    /// <summary>Largest single gRPC request message in bytes (from each length prefix), so long client streams can live while one huge message cannot.</summary>
    public long? MaxRequestMessageSize { get; init; }

    /// <summary>Request transforms, each a dictionary as in YARP (<c>PathRemovePrefix</c>, <c>PathPrefix</c>, <c>RequestHeader</c>+<c>Set</c>/<c>Append</c>, <c>RequestHeaderRemove</c>, <c>X-Forwarded</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Transforms { get; init; } = [];
}

/// <summary>What a route matches: a path pattern (ASP.NET Core route template, e.g. <c>/pkg.Service/{**rest}</c>), optionally methods and hosts.</summary>
public sealed record RouteMatch
{
    public string? Path { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    public IReadOnlyList<string> Hosts { get; init; } = [];
}
