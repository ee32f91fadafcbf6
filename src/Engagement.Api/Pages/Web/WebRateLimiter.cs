using StackExchange.Redis;

namespace Engagement.Api.Pages.Web;

/// <summary>
/// Fixed-window limits per client address kept in Redis (shared by every instance): <c>INCR</c> and, for the
/// window's first hit, <c>PEXPIRE</c>, in one script. While Redis cannot be reached the pages stay usable (the
/// honeypot, the e-mail verification and the duplicate checks still hold) and the failure is logged.
/// </summary>
public sealed class WebRateLimiter(IConnectionMultiplexer redis, ILogger<WebRateLimiter> logger)
{
    private const string Script = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """;

    public static readonly IReadOnlyDictionary<string, (int Limit, TimeSpan Window)> Policies = new Dictionary<string, (int, TimeSpan)>
    {
        // Submissions of the application form (accepted or not) per address.
        ["apply"] = (30, TimeSpan.FromMinutes(10)),
        // Look-ups of an application by reference and address: slows down guessing.
        ["status"] = (20, TimeSpan.FromMinutes(10)),
    };

    /// <summary>True while <paramref name="client"/> is within the policy's limit (this hit counted).</summary>
    public async Task<bool> TryAcquireAsync(string policy, string client)
    {
        var (limit, window) = Policies[policy];
        try
        {
            var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script,
                [(RedisKey)$"engagement:ratelimit:{policy}:{client}"], [(RedisValue)(long)window.TotalMilliseconds]);
            return count <= limit;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Rate limit {Policy} not checked: Redis is unreachable.", policy);
            return true;
        }
    }
}
