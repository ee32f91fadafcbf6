using Gateway.RateLimiting;

namespace Gateway.Extensions;

/// <summary>The gateway: token validation and per-route policies at the edge, rate limits in Redis, the forwarder.</summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddEdgeAuthentication();
        builder.AddEdgeAuthorization();
        builder.AddGatewayRateLimiting();
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        return builder;
    }

    /// <summary>Routing, then the token (so limits can be per client), the rate limits, the route's policy, the forwarder.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseGatewayRateLimiting();
        app.UseAuthorization();
        app.MapReverseProxy();
        return app;
    }
}
