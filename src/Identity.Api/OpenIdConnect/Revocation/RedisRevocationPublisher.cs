using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Identity.Api.OpenIdConnect.Revocation;

/// <summary>
/// Writes revocations to Redis (connection string <c>redis</c>) as CONTRACTS.md sets them, each key and its
/// announcement in one script (one round trip, atomic):
/// <c>SET revoked:jti:&lt;jti&gt; 1 PXAT &lt;exp ms&gt;</c> or <c>SET revoked:sub:&lt;sub&gt; &lt;now s&gt; EX &lt;access token lifetime + 120&gt;</c>,
/// then <c>PUBLISH revocations &lt;key&gt;</c>.
/// </summary>
public sealed class RedisRevocationPublisher(
    IConnectionMultiplexer redis, IOptions<OidcServerOptions> options, TimeProvider clock, ILogger<RedisRevocationPublisher> logger)
    : IRevocationPublisher
{
    public const string Channel = "revocations";
    public const string TokenKeyPrefix = "revoked:jti:";
    public const string SubjectKeyPrefix = "revoked:sub:";

    /// <summary>How long after the longest access token lifetime a subject key is kept (CONTRACTS.md).</summary>
    public static readonly TimeSpan SubjectKeyMargin = TimeSpan.FromSeconds(120);

    private const string SetUntilAndPublish = """
        redis.call('SET', KEYS[1], '1', 'PXAT', ARGV[1])
        return redis.call('PUBLISH', ARGV[2], KEYS[1])
        """;

    private const string SetForAndPublish = """
        redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
        return redis.call('PUBLISH', ARGV[3], KEYS[1])
        """;

    public async Task RevokeAccessTokensAsync(IReadOnlyCollection<RevokedAccessToken> tokens, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var database = redis.GetDatabase();
        foreach (var token in tokens.Where(t => t.ExpiresAt > now))
        {
            var key = TokenKeyPrefix + token.TokenId;
            await RunAsync(database, SetUntilAndPublish, key, [token.ExpiresAt.ToUnixTimeMilliseconds(), Channel]);
        }
    }

    public Task RevokeSubjectAsync(string subject, CancellationToken ct)
    {
        var seconds = (long)Math.Ceiling((options.Value.AccessTokenLifetime + SubjectKeyMargin).TotalSeconds);
        return RunAsync(redis.GetDatabase(), SetForAndPublish, SubjectKeyPrefix + subject,
            [clock.GetUtcNow().ToUnixTimeSeconds(), seconds, Channel]);
    }

    private async Task RunAsync(IDatabase database, string script, string key, RedisValue[] arguments)
    {
        try
        {
            await database.ScriptEvaluateAsync(script, [key], arguments);
            logger.LogInformation("Revocation published: {Key}", key);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The revocation stands in identitydb (refresh, userinfo and introspection refuse the token);
            // only the gateway's early refusal is lost for this key.
            logger.LogError(e, "Could not publish the revocation {Key} to Redis; the gateway accepts that token until it expires", key);
        }
    }
}
