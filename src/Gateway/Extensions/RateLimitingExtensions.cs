using Gateway.RateLimiting;
using Gateway.Redis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.Extensions;

public static class RateLimitingExtensions
{
    /// <summary>
    /// Every <c>RateLimiting:Policies:{name}</c> becomes an ASP.NET Core rate limiter policy (YARP checks that a
    /// route's RateLimiterPolicy exists), counted in Redis; refusals are answered by <see cref="RateLimitRejection"/>.
    /// With <c>RateLimiting:Enabled=false</c> the policies exist but never limit, and Redis is not needed.
    /// </summary>
    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitingOptions>(builder.Configuration.GetSection("RateLimiting"));
        builder.Services.AddSingleton<RedisTokenBuckets>();
        builder.Services.AddSingleton<PermitLeases>();
        builder.Services.AddSingleton<RedisBuckets>();
        builder.Services.AddSingleton<GatewayRateLimiterPartitions>();
        builder.Services.AddRateLimiter(options => options.OnRejected = RateLimitRejection.WriteAsync);
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, settings) =>
        {
            foreach (var name in settings.Value.Policies.Keys)
            {
                options.AddPolicy(name, context => context.RequestServices.GetRequiredService<GatewayRateLimiterPartitions>().GetPartition(context, name));
            }
        });
        return builder;
    }

    /// <summary>Checks the policies, and that Redis is configured when limits are on, before the first request.</summary>
    public static WebApplication UseGatewayRateLimiting(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        Validate(settings);
        if (settings.Enabled)
        {
            app.Services.GetRequiredService<RedisTokenBuckets>();
            // Connect now, in the background, so the first requests do not wait for the connection.
            _ = app.Services.GetRequiredService<GatewayRedis>().ConnectionAsync();
        }
        app.UseRateLimiter();
        return app;
    }

    private static void Validate(RateLimitingOptions options)
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
        if (options.DefaultPolicy is { } defaultPolicy && !options.Policies.ContainsKey(defaultPolicy)
            && !defaultPolicy.Equals("Disable", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"RateLimiting:DefaultPolicy '{defaultPolicy}' is not in RateLimiting:Policies.");
        }
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The rate limiting configuration is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors));
        }
    }
}
