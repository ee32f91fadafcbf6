using Microsoft.AspNetCore.Http;
using ReviewMechanism.ReverseProxy.Configuration;

namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>Forwards one request to one destination and its response back (YARP's IHttpForwarder).</summary>
public interface IHttpForwarder
{
    /// <param name="context">The incoming request.</param>
    /// <param name="destinationPrefix">scheme://host:port[/base] of the destination.</param>
    /// <param name="httpClient">An HttpMessageInvoker (never an HttpClient, which would buffer).</param>
    /// <param name="requestConfig">Version, version policy and activity timeout.</param>
    /// <param name="transformer">Builds the forwarded request and copies the response headers.</param>
    /// <param name="limits">The route's request size limits.</param>
    ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
        ForwarderRequestConfig requestConfig, HttpTransformer transformer, RequestBodyLimits limits);
}
