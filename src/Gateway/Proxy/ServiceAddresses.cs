namespace Gateway.Proxy;

/// <summary>
/// Which configuration keys Aspire's service discovery reads for a destination address, to say what to set
/// when a service has none: <c>http://_grpc.reviews</c> is endpoint <c>grpc</c> of service <c>reviews</c>
/// (<c>services:reviews:grpc:0</c>); <c>http://identity</c> names no endpoint, so the scheme is the endpoint
/// (<c>services:identity:http:0</c>); <c>https+http://web</c> tries https, then http.
/// </summary>
public static class ServiceAddresses
{
    public static IReadOnlyList<string> ConfigurationKeys(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return [];
        }
        var host = uri.Host;
        if (host.StartsWith('_') && host.IndexOf('.') is var dot and > 1)
        {
            return [$"services:{host[(dot + 1)..]}:{host[1..dot]}:0"];
        }
        return uri.Scheme.Split('+', StringSplitOptions.RemoveEmptyEntries).Select(scheme => $"services:{host}:{scheme}:0").ToArray();
    }
}
