using Gateway.RateLimiting;
using Microsoft.Extensions.Options;
using ReviewMechanism.ReverseProxy.Model;

namespace Gateway.Extensions;

public static class RateLimitingExtensions
{
    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitingOptions>(builder.Configuration.GetSection("RateLimiting"));
        builder.Services.AddSingleton<RedisTokenBuckets>();
        builder.Services.AddSingleton<PermitLeases>();
        return builder;
    }

    /// <summary>Checks every route's policy name and every policy's numbers before the first request.</summary>
    public static WebApplication UseGatewayRateLimiting(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        if (options.Enabled)
        {
            Validate(options, app.Services.GetRequiredService<ProxyState>());
            app.Services.GetRequiredService<RedisTokenBuckets>();
        }
        app.UseMiddleware<GatewayRateLimitingMiddleware>();
        return app;
    }

    private static void Validate(RateLimitingOptions options, ProxyState proxy)
    {
        var errors = new List<string>();
        if (options.MaxLease < 1 || options.LeaseDuration <= TimeSpan.Zero)
        {
            errors.Add("RateLimiting:MaxLease must be at least 1 and RateLimiting:LeaseDuration positive.");
        }
        foreach (var (name, policy) in options.Policies)
        {
            if (policy.PerClient is null && policy.PerIp is null)
            {
                errors.Add($"RateLimiting:Policies:{name} needs PerClient or PerIp.");
            }
            foreach (var (kind, bucket) in new[] { ("PerClient", policy.PerClient), ("PerIp", policy.PerIp) })
            {
                if (bucket is not null && (bucket.PermitLimit < 1 || bucket.Window <= TimeSpan.Zero))
                {
                    errors.Add($"RateLimiting:Policies:{name}:{kind} needs PermitLimit >= 1 and a positive Window.");
                }
            }
        }
        if (options.DefaultPolicy is { } defaultPolicy && !options.Policies.ContainsKey(defaultPolicy))
        {
            errors.Add($"RateLimiting:DefaultPolicy '{defaultPolicy}' is not in RateLimiting:Policies.");
        }
        foreach (var route in proxy.Routes)
        {
            var name = route.Config.RateLimiterPolicy;
            if (name is not null
                && !name.Equals(GatewayRateLimitingMiddleware.DisablePolicy, StringComparison.OrdinalIgnoreCase)
                && !name.Equals(GatewayRateLimitingMiddleware.DefaultPolicy, StringComparison.OrdinalIgnoreCase)
                && !options.Policies.ContainsKey(name))
            {
                errors.Add($"ReverseProxy:Routes:{route.RouteId}:RateLimiterPolicy '{name}' is not in RateLimiting:Policies (nor Default or Disable).");
            }
        }
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The rate limiting configuration is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors));
        }
    }
}
