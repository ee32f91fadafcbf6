using System.Threading.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>
/// The limiter of one partition (a client and an IP under one policy) for ASP.NET Core's rate limiting
/// middleware: a permit from this replica's batch when it holds one (synchronous), else the Redis buckets.
/// </summary>
public sealed class BucketsLimiter(IReadOnlyList<RequestedBucket> buckets, RedisBuckets redis, TimeProvider time) : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        return permitCount == 0 || redis.TryTakeLocally(buckets) ? BucketLease.Acquired : BucketLease.NotLocally;
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        return redis.TakeAsync(buckets);
    }
}
