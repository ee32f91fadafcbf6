using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.RateLimiting;

/// <summary>
/// Takes a request's permits: from this replica's batches (<see cref="PermitLeases"/>) when they have them,
/// else from Redis with the next batch (<see cref="RedisTokenBuckets"/>, one script for every bucket of the
/// request). When Redis does not answer within <c>RateLimiting:RedisTimeout</c>: the request passes with a
/// warning (at most one every 30 s), or is refused when <c>RateLimiting:FailClosed</c> is true.
/// </summary>
public sealed partial class RedisBuckets(
    RedisTokenBuckets buckets,
    PermitLeases leases,
    IOptions<RateLimitingOptions> options,
    TimeProvider time,
    ILogger<RedisBuckets> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);
    private long _lastWarning = long.MinValue;

    public bool TryTakeLocally(IReadOnlyList<RequestedBucket> requested) => leases.TryTake(requested);

    public async ValueTask<RateLimitLease> TakeAsync(IReadOnlyList<RequestedBucket> requested)
    {
        var settings = options.Value;
        RateLimitDecision decision;
        try
        {
            decision = await buckets.TakeAsync(requested, leases.Prepare(requested, settings.MaxLease)).WaitAsync(settings.RedisTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (settings.FailClosed)
            {
                LogRefusedWithoutRedis(logger, ex.Message);
                return new BucketLease(new RateLimitRefusal(null, TimeSpan.Zero, Unavailable: true));
            }
            WarnFailOpen(ex);
            return BucketLease.Acquired;
        }

        if (decision.Allowed)
        {
            leases.Complete(requested, decision.Granted, settings.LeaseDuration);
            return BucketLease.Acquired;
        }
        var limited = requested[Math.Clamp(decision.LimitedBucket, 0, requested.Count - 1)];
        return new BucketLease(new RateLimitRefusal(limited, decision.RetryAfter, Unavailable: false));
    }

    private void WarnFailOpen(Exception ex)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < WarningInterval)
        {
            return;
        }
        if (Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            LogFailOpen(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits are not enforced: Redis could not be asked ({Reason}). Requests pass unlimited until it answers (RateLimiting:FailClosed=false).")]
    private static partial void LogFailOpen(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused: Redis could not be asked for rate limits ({Reason}) and RateLimiting:FailClosed is true.")]
    private static partial void LogRefusedWithoutRedis(ILogger logger, string reason);
}
