using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.ServiceDiscovery;

namespace Gateway.Proxy;

/// <summary>
/// Service discovery for destinations written as real addresses: an IP, <c>localhost</c> or a dotted host name
/// is used as written when configuration holds no entry for it. A single-label name (<c>http://web</c>,
/// <c>http://_grpc.reviews</c>) is a service reference only: without <c>services:web:http:0</c> it has no
/// address, and the gateway answers 503 naming the key instead of asking DNS for a host called "web"
/// (Aspire's pass-through provider would).
/// </summary>
public sealed class LiteralAddressEndpoints : IServiceEndpointProviderFactory
{
    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        provider = null;
        var text = query.ToString();
        if (text is null || !Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "tcp://" + text, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var port = uri.IsDefaultPort ? 0 : uri.Port;
        EndPoint? endpoint = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
            ? new IPEndPoint(ip, port)
            : uri.IsLoopback || (uri.Host.Contains('.') && !uri.Host.StartsWith('_')) ? new DnsEndPoint(uri.Host, port) : null;
        if (endpoint is null)
        {
            return false;
        }
        provider = new Provider(endpoint);
        return true;
    }

    private sealed class Provider(EndPoint endpoint) : IServiceEndpointProvider
    {
        public ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
        {
            if (endpoints.Endpoints.Count == 0)
            {
                endpoints.Endpoints.Add(ServiceEndpoint.Create(endpoint));
            }
            return default;
        }

        public ValueTask DisposeAsync() => default;
    }
}
