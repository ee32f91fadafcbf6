using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;

namespace Gateway.RateLimiting;

/// <summary>
/// The partitions of the <c>RateLimiting:Policies:{name}</c> policies, which ASP.NET Core's rate limiting applies
/// to the YARP routes naming them (<c>RateLimiterPolicy</c>). A request draws on its client's bucket
/// (authenticated callers: the token's <c>sub</c>, else <c>client_id</c>) and its IP's bucket; its partition is that pair.
/// </summary>
public sealed class GatewayRateLimiterPartitions(IOptions<RateLimitingOptions> options, IServiceProvider services)
{
    public RateLimitPartition<string> GetPartition(HttpContext httpContext, string name)
    {
        var settings = options.Value;
        var policy = settings.Policies[name];
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("disabled");
        }
        var buckets = Buckets(httpContext, name, policy, settings);
        if (buckets.Count == 0)
        {
            return RateLimitPartition.GetNoLimiter("none");
        }
        var key = buckets.Count == 1 ? buckets[0].Key : buckets[0].Key + "|" + buckets[1].Key;
        return settings.Store == RateLimitStore.RedisRateLimiting
            ? RateLimitPartition.Get(key, _ => RedisRateLimitingLimiter(buckets))
            : RateLimitPartition.Get(key, _ => new BucketsLimiter(buckets, services.GetRequiredService<RedisBuckets>(), services.GetRequiredService<TimeProvider>()));
    }

    private static List<RequestedBucket> Buckets(HttpContext context, string name, RateLimitPolicyOptions policy, RateLimitingOptions settings)
    {
        var result = new List<RequestedBucket>(2);
        if (policy.PerClient is { } perClient && context.User.Identity?.IsAuthenticated == true
            && (context.User.FindFirst("sub")?.Value ?? context.User.FindFirst("client_id")?.Value) is { Length: > 0 } client)
        {
            result.Add(new RequestedBucket($"{settings.KeyPrefix}:{name}:client:{client}", $"client:{client}", perClient));
        }
        if (policy.PerIp is { } perIp && context.Connection.RemoteIpAddress is { } ip)
        {
            var address = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
            result.Add(new RequestedBucket($"{settings.KeyPrefix}:{name}:ip:{address}", $"ip:{address}", perIp));
        }
        return result;
    }

    /// <summary>The alternative measured in bench/gateway: RedisRateLimiting's token buckets, one Redis script per bucket per request.</summary>
    private RateLimiter RedisRateLimitingLimiter(IReadOnlyList<RequestedBucket> buckets)
    {
        var redis = services.GetRequiredService<Redis.GatewayRedis>();
        var limiters = buckets.Select(bucket => (RateLimiter)new RedisTokenBucketRateLimiter<string>(bucket.Key, new RedisTokenBucketRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis.ConnectionAsync().GetAwaiter().GetResult(),
            TokenLimit = bucket.Options.PermitLimit,
            TokensPerPeriod = bucket.Options.PermitLimit,
            ReplenishmentPeriod = bucket.Options.Window,
        })).ToArray();
        return limiters.Length == 1 ? limiters[0] : RateLimiter.CreateChained(limiters);
    }
}
