using System.Net;
using Microsoft.Extensions.Configuration;

namespace ReviewMechanism.ReverseProxy.ServiceDiscovery;

/// <summary>
/// Resolves destination addresses the way Aspire's configuration-based service discovery does, so the
/// AppHost's environment fills them: in <c>http://_grpc.reviews</c> the host names endpoint <c>grpc</c> of
/// service <c>reviews</c> and reads <c>services:reviews:grpc:*</c> (env <c>services__reviews__grpc__0</c>);
/// in <c>http://identity</c> the endpoint is the scheme (<c>services:identity:http:*</c>); in
/// <c>https+http://web</c> https is tried before http. Each configured entry becomes one destination.
/// A single-label host with no entry is an undeployed service (no destination, with the reason);
/// any other host (dotted name, IP, localhost) is used as written.
/// </summary>
public sealed class DestinationResolver(IConfiguration configuration)
{
    public DestinationResolution Resolve(string address)
    {
        var uri = new Uri(address, UriKind.Absolute);
        var schemes = uri.Scheme.Split('+', StringSplitOptions.RemoveEmptyEntries);
        var host = uri.Host;
        string service;
        string[] endpoints;
        if (host.StartsWith('_') && host.IndexOf('.') is var dot and > 1)
        {
            endpoints = [host[1..dot]];
            service = host[(dot + 1)..];
        }
        else
        {
            endpoints = schemes;
            service = host;
        }

        var tried = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var key = $"services:{service}:{endpoint}";
            tried.Add(key);
            var entries = configuration.GetSection(key).GetChildren()
                .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
                .Select(c => c.Value)
                .Where(v => !string.IsNullOrWhiteSpace(v))
                .Select(v => Combine(v!, uri))
                .ToArray();
            if (entries.Length > 0)
            {
                return new DestinationResolution(entries, null);
            }
        }

        if (IsLiteralHost(uri))
        {
            if (schemes.Length != 1)
            {
                return new DestinationResolution([], $"'{address}' combines schemes, which only service references can do.");
            }
            return new DestinationResolution([address], null);
        }
        return new DestinationResolution([], $"service '{service}' has no address in configuration ({string.Join(" or ", tried.Select(k => k + ":0"))} is not set)");
    }

    private static bool IsLiteralHost(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        || uri.IsLoopback
        || (uri.Host.Contains('.') && !uri.Host.StartsWith('_'));

    /// <summary>The configured base (scheme://host:port) with the path the destination address carried, if any.</summary>
    private static string Combine(string configured, Uri reference)
    {
        var baseAddress = configured.TrimEnd('/');
        var path = reference.AbsolutePath;
        return path is "/" or "" ? baseAddress : baseAddress + path.TrimEnd('/');
    }
}

/// <summary>The addresses a destination resolved to, or why it resolved to none.</summary>
public sealed record DestinationResolution(IReadOnlyList<string> Addresses, string? Problem);
