using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.RateLimiting;

/// <summary>The outcome of taking one permit from every bucket of a request.</summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter, int LimitedBucket);

/// <summary>One bucket a request draws on: its Redis key, who it limits (<c>client:ID</c> or <c>ip:ADDRESS</c>), its size.</summary>
public sealed record RequestedBucket(string Key, string Subject, BucketOptions Options);

/// <summary>
/// Token buckets in Redis, checked and taken by one Lua script so concurrent gateways never
/// over-grant: the script reads every bucket of the request, refills each from Redis's own clock
/// (replicas need not agree on time), and takes one permit from each only if all have one.
/// </summary>
public sealed class RedisTokenBuckets : IDisposable
{
    // KEYS[i]: a bucket (hash: tokens, ts in microseconds). ARGV[2i-1]: capacity; ARGV[2i]: microseconds per permit.
    // Returns {allowed (1/0), retry-after in ms, index of the bucket that refused}.
    private const string Script = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local levels = {}
        local wait = 0
        local limited = 0
        for i = 1, #KEYS do
          local capacity = tonumber(ARGV[2 * i - 1])
          local interval = tonumber(ARGV[2 * i])
          local state = redis.call('HMGET', KEYS[i], 'tokens', 'ts')
          local tokens = tonumber(state[1])
          local ts = tonumber(state[2])
          if tokens == nil or ts == nil then
            tokens = capacity
            ts = now
          end
          if now > ts then
            tokens = math.min(capacity, tokens + (now - ts) / interval)
          end
          levels[i] = tokens
          if tokens < 1 then
            local needed = math.ceil((1 - tokens) * interval)
            if needed > wait then
              wait = needed
              limited = i
            end
          end
        end
        if wait > 0 then
          return {0, math.ceil(wait / 1000), limited}
        end
        for i = 1, #KEYS do
          local capacity = tonumber(ARGV[2 * i - 1])
          local interval = tonumber(ARGV[2 * i])
          redis.call('HSET', KEYS[i], 'tokens', string.format('%.6f', levels[i] - 1), 'ts', string.format('%.0f', now))
          redis.call('PEXPIRE', KEYS[i], math.ceil(capacity * interval / 1000) + 1000)
        end
        return {1, 0, 0}
        """;

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public RedisTokenBuckets(IConfiguration configuration, IOptions<RateLimitingOptions> options)
    {
        var connectionString = configuration.GetConnectionString("redis");
        if (options.Value.Enabled && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Rate limiting is enabled but ConnectionStrings:redis is not set (set RateLimiting:Enabled=false to run without limits).");
        }
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectAsync(connectionString!));
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var config = ConfigurationOptions.Parse(connectionString);
        // Start even when Redis is down; the multiplexer keeps reconnecting in the background.
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 2000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 1000);
        return await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
    }

    public async Task<RateLimitDecision> TakeAsync(IReadOnlyList<RequestedBucket> buckets)
    {
        var multiplexer = await _connection.Value.ConfigureAwait(false);
        var keys = new RedisKey[buckets.Count];
        var values = new RedisValue[buckets.Count * 2];
        for (var i = 0; i < buckets.Count; i++)
        {
            keys[i] = buckets[i].Key;
            values[2 * i] = buckets[i].Options.PermitLimit;
            values[2 * i + 1] = buckets[i].Options.RefillIntervalMicroseconds;
        }
        var result = (RedisResult[]?)await multiplexer.GetDatabase().ScriptEvaluateAsync(Script, keys, values).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The rate limit script returned nothing.");
        var allowed = (long)result[0] == 1;
        return new RateLimitDecision(allowed, TimeSpan.FromMilliseconds((long)result[1]), (int)(long)result[2] - 1);
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }

    internal static string Describe(TimeSpan retryAfter) =>
        retryAfter.TotalSeconds >= 1
            ? Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s"
            : Math.Max(1, Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms";
}
