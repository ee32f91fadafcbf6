using System.Threading.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>Why a lease was refused: a bucket ran out (with when a permit comes back), or Redis could not be asked.</summary>
public sealed record RateLimitRefusal(RequestedBucket? Bucket, TimeSpan RetryAfter, bool Unavailable)
{
    public static readonly MetadataName<RateLimitRefusal> Metadata = MetadataName.Create<RateLimitRefusal>("gateway.refusal");
}

/// <summary>A lease from the Redis buckets: acquired, or refused with its <see cref="RateLimitRefusal"/>.</summary>
public sealed class BucketLease : RateLimitLease
{
    public static readonly BucketLease Acquired = new(null);

    /// <summary>Not from this replica's batch: the rate limiting middleware then asks again asynchronously (Redis).</summary>
    public static readonly BucketLease NotLocally = new(new RateLimitRefusal(null, TimeSpan.Zero, Unavailable: false));

    private readonly RateLimitRefusal? _refusal;

    public BucketLease(RateLimitRefusal? refusal) => _refusal = refusal;

    public override bool IsAcquired => _refusal is null;

    public override IEnumerable<string> MetadataNames =>
        _refusal is null ? [] : [RateLimitRefusal.Metadata.Name, MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = _refusal is null ? null
            : metadataName == RateLimitRefusal.Metadata.Name ? _refusal
            : metadataName == MetadataName.RetryAfter.Name ? _refusal.RetryAfter
            : null;
        return metadata is not null;
    }
}
