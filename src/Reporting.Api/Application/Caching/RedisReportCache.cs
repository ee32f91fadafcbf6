using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Reporting.Api.Application.Caching;

/// <summary>
/// The report cache in Redis: <c>{prefix}:generation</c> (INCR by every applied event) and
/// <c>{prefix}:report:{generation}:{key}</c> (the serialized report, with a time to live). A report computed while an
/// event commits is stored under the generation it started with, which nobody reads once the event moved it on.
/// When Redis cannot be reached the report is computed each time (and the failure logged): figures are never wrong,
/// only slower.
/// </summary>
public sealed class RedisReportCache(IConnectionMultiplexer redis, IOptions<ReportCacheOptions> options, ILogger<RedisReportCache> logger) : IReportCache
{
    private string GenerationKey => options.Value.KeyPrefix + ":generation";

    public async Task<byte[]> GetOrAddAsync(string key, Func<CancellationToken, Task<byte[]>> compute, CancellationToken cancellationToken)
    {
        string? entry = null;
        try
        {
            var database = redis.GetDatabase();
            var generation = (long?)await database.StringGetAsync(GenerationKey) ?? 0;
            entry = $"{options.Value.KeyPrefix}:report:{generation}:{key}";
            var cached = await database.StringGetAsync(entry);
            if (cached.HasValue)
            {
                return (byte[])cached!;
            }
        }
        catch (RedisException error)
        {
            logger.LogWarning(error, "Report cache unavailable; computing {Key}", key);
            entry = null;
        }
        var computed = await compute(cancellationToken);
        if (entry is not null)
        {
            try
            {
                await redis.GetDatabase().StringSetAsync(entry, computed, options.Value.TimeToLive);
            }
            catch (RedisException error)
            {
                logger.LogWarning(error, "Report cache unavailable; {Key} not stored", key);
            }
        }
        return computed;
    }

    public async Task InvalidateAsync()
    {
        try
        {
            await redis.GetDatabase().StringIncrementAsync(GenerationKey);
        }
        catch (RedisException error)
        {
            logger.LogError(error, "Report cache generation not moved on: cached reports may stay stale for up to {Ttl}", options.Value.TimeToLive);
        }
    }
}
