using Gateway.Proxy;
using Gateway.Redis;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Extensions;

/// <summary>The gateway: YARP with routes and clusters from configuration, token validation, revocation and rate limits at the edge.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GatewayRedis>();
        builder.AddEdgeAuthentication();
        builder.AddTokenRevocation();
        builder.AddEdgeAuthorization();
        builder.AddGatewayRateLimiting();
        builder.AddRoutedServicesReflection();

        // Destinations such as http://_grpc.reviews resolve through Aspire's service discovery from configuration
        // (services:reviews:grpc:0, :1... set by the AppHost); real addresses (IP, localhost, dotted names) are used
        // as written. No pass-through of single-label names to DNS: a service without an address is undeployed and
        // answered 503 with the key to set (LiteralAddressEndpoints).
        builder.Services.AddServiceDiscoveryCore().AddConfigurationServiceEndpointProvider();
        foreach (var passThrough in builder.Services.Where(d => d.ServiceType == typeof(IServiceEndpointProviderFactory)
            && d.ImplementationType?.Name == "PassThroughServiceEndpointProviderFactory").ToArray())
        {
            builder.Services.Remove(passThrough);   // registered by AddServiceDiscovery(), if the service defaults call it
        }
        builder.Services.AddSingleton<IServiceEndpointProviderFactory, LiteralAddressEndpoints>();
        builder.Services.AddSingleton<IProxyConfigFilter, RouteDefaultsFilter>();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    /// <summary>
    /// Routing, the token (so limits can be per client), the rate limits, the route's policy, then YARP with the
    /// gateway's steps around its forwarder: refusals and failures in the caller's protocol, gRPC only to HTTP/2
    /// clusters, request size limits, load balancing and passive health.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseGatewayRateLimiting();
        app.UseAuthorization();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ProxyErrorMiddleware>();
            proxy.UseMiddleware<GrpcRoutingMiddleware>();
            proxy.UseMiddleware<RequestLimitsMiddleware>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
