using System.Globalization;
using Gateway.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.RateLimiting;

/// <summary>The outcome of taking permits from every bucket of a request: whether it may pass, and what each bucket granted.</summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter, int LimitedBucket, IReadOnlyList<long> Granted);

/// <summary>One bucket a request draws on: its Redis key, who it limits (<c>client:ID</c> or <c>ip:ADDRESS</c>), its size.</summary>
public sealed record RequestedBucket(string Key, string Subject, BucketOptions Options);

/// <summary>
/// Token buckets in Redis, checked and taken by one Lua script so concurrent gateways never
/// over-grant: the script reads every bucket of the request, refills each from Redis's own clock
/// (replicas need not agree on time) and with the permits a replica gives back, and takes permits from
/// each only if all have one: a batch where the replica asked for one (<see cref="PermitLeases"/>).
/// </summary>
public sealed class RedisTokenBuckets
{
    // KEYS[i]: a bucket (hash: tokens, ts in microseconds). ARGV[4i-3]: capacity; ARGV[4i-2]: microseconds per
    // permit; ARGV[4i-1]: permits wanted (at least 1 must be there); ARGV[4i]: permits given back first.
    // Returns {allowed (1/0), retry-after in ms, index of the bucket that refused, granted per bucket...}.
    private const string Script = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local levels = {}
        local wait = 0
        local limited = 0
        for i = 1, #KEYS do
          local capacity = tonumber(ARGV[4 * i - 3])
          local interval = tonumber(ARGV[4 * i - 2])
          local state = redis.call('HMGET', KEYS[i], 'tokens', 'ts')
          local tokens = tonumber(state[1])
          local ts = tonumber(state[2])
          if tokens == nil or ts == nil then
            tokens = capacity
            ts = now
          end
          if now > ts then
            tokens = tokens + (now - ts) / interval
          end
          tokens = math.min(capacity, tokens + tonumber(ARGV[4 * i]))
          levels[i] = tokens
          if tokens < 1 then
            local needed = math.ceil((1 - tokens) * interval)
            if needed > wait then
              wait = needed
              limited = i
            end
          end
        end
        local result = {1, 0, 0}
        if wait > 0 then
          result = {0, math.ceil(wait / 1000), limited}
        end
        for i = 1, #KEYS do
          local capacity = tonumber(ARGV[4 * i - 3])
          local interval = tonumber(ARGV[4 * i - 2])
          local granted = 0
          if wait == 0 then
            granted = math.min(tonumber(ARGV[4 * i - 1]), math.floor(levels[i]))
          end
          if granted > 0 or tonumber(ARGV[4 * i]) > 0 then
            redis.call('HSET', KEYS[i], 'tokens', string.format('%.6f', levels[i] - granted), 'ts', string.format('%.0f', now))
            redis.call('PEXPIRE', KEYS[i], math.ceil(capacity * interval / 1000) + 1000)
          end
          result[3 + i] = granted
        end
        return result
        """;

    private readonly GatewayRedis _redis;

    public RedisTokenBuckets(GatewayRedis redis, IOptions<RateLimitingOptions> options)
    {
        if (options.Value.Enabled && !redis.IsConfigured)
        {
            throw new InvalidOperationException("Rate limiting is enabled but ConnectionStrings:redis is not set (set RateLimiting:Enabled=false to run without limits).");
        }
        _redis = redis;
    }

    /// <summary>Takes <see cref="LeaseRequest.Want"/> permits (as many as there are, at least one) from every bucket, or none.</summary>
    public async Task<RateLimitDecision> TakeAsync(IReadOnlyList<RequestedBucket> buckets, IReadOnlyList<LeaseRequest> leases)
    {
        var multiplexer = await _redis.ConnectionAsync().ConfigureAwait(false);
        var keys = new RedisKey[buckets.Count];
        var values = new RedisValue[buckets.Count * 4];
        for (var i = 0; i < buckets.Count; i++)
        {
            keys[i] = buckets[i].Key;
            values[4 * i] = buckets[i].Options.PermitLimit;
            values[4 * i + 1] = buckets[i].Options.RefillIntervalMicroseconds;
            values[4 * i + 2] = Math.Max(1, leases[i].Want);
            values[4 * i + 3] = Math.Max(0, leases[i].GiveBack);
        }
        var result = (RedisResult[]?)await multiplexer.GetDatabase().ScriptEvaluateAsync(Script, keys, values).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The rate limit script returned nothing.");
        var allowed = (long)result[0] == 1;
        var granted = new long[buckets.Count];
        for (var i = 0; i < buckets.Count; i++)
        {
            granted[i] = (long)result[3 + i];
        }
        return new RateLimitDecision(allowed, TimeSpan.FromMilliseconds((long)result[1]), (int)(long)result[2] - 1, granted);
    }

    internal static string Describe(TimeSpan retryAfter) =>
        retryAfter.TotalSeconds >= 1
            ? Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s"
            : Math.Max(1, Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms";
}
