using System.Net;
using ReviewMechanism.ReverseProxy.Configuration;

namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>
/// One HttpMessageInvoker per cluster over a SocketsHttpHandler set up for proxying: no proxy, cookies,
/// redirects or decompression; several HTTP/2 connections when one reaches the server's stream limit;
/// keep-alive pings so idle long-lived streams notice a dead backend; trace headers passed as received
/// (the handler injects none of its own, so there are no duplicates).
/// </summary>
public static class ForwarderHttpClientFactory
{
    public static HttpMessageInvoker Create(HttpClientConfig? config)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = config?.EnableMultipleHttp2Connections ?? true,
            ConnectTimeout = config?.ConnectTimeout ?? TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = config?.MaxConnectionsPerServer ?? int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            ActivityHeadersPropagator = null,
        };
        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
