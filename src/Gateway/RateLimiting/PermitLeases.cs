namespace Gateway.RateLimiting;

/// <summary>What a replica asks Redis for, per bucket of a request: permits to take, permits to give back.</summary>
public readonly record struct LeaseRequest(int Want, int GiveBack);

/// <summary>
/// Permits a gateway replica has already taken from the Redis buckets and spends locally, so a busy client
/// costs a Redis round trip per batch rather than per call (the shared bucket is still the only source of
/// permits, so replicas together never grant more than the limit). A batch starts at one permit and doubles
/// while the previous one ran out before <see cref="RateLimitingOptions.LeaseDuration"/>, halves when it
/// expired unused, and never exceeds <see cref="RateLimitingOptions.MaxLease"/> nor a tenth of the bucket, so
/// small limits (a few calls an hour) stay exact. Permits left when a batch expires go back to Redis with the
/// next request for that bucket. What it costs: while a replica holds permits another replica cannot use
/// them, for at most the lease duration.
/// </summary>
public sealed class PermitLeases(TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>Takes one permit from every bucket's local lease, or none if any lease is empty or expired.</summary>
    public bool TryTake(IReadOnlyList<RequestedBucket> buckets)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            for (var i = 0; i < buckets.Count; i++)
            {
                if (!_leases.TryGetValue(buckets[i].Key, out var lease) || lease.ExpiresAt <= now || lease.Available < 1)
                {
                    return false;
                }
            }
            for (var i = 0; i < buckets.Count; i++)
            {
                _leases[buckets[i].Key].Available--;
            }
            return true;
        }
    }

    /// <summary>
    /// What to ask Redis for: every bucket of the request at least one permit (the check is atomic across
    /// them), a batch for those whose lease ran out, and the unused rest of expired leases back.
    /// </summary>
    public LeaseRequest[] Prepare(IReadOnlyList<RequestedBucket> buckets, int maxLease)
    {
        var now = time.GetTimestamp();
        var requests = new LeaseRequest[buckets.Count];
        lock (_gate)
        {
            Sweep(now);
            for (var i = 0; i < buckets.Count; i++)
            {
                var limit = Math.Clamp(buckets[i].Options.PermitLimit / 10, 1, Math.Max(1, maxLease));
                if (!_leases.TryGetValue(buckets[i].Key, out var lease))
                {
                    requests[i] = new LeaseRequest(1, 0);
                    continue;
                }
                if (lease.ExpiresAt > now && lease.Available >= 1)
                {
                    // Still has permits: this call only needs the atomic check, one permit.
                    requests[i] = new LeaseRequest(1, 0);
                    continue;
                }
                var leftover = (int)Math.Min(lease.Available, int.MaxValue);
                lease.Available -= leftover;
                lease.NextSize = lease.ExpiresAt > now
                    ? Math.Min(limit, lease.NextSize * 2)                      // ran out early: busier than the batch
                    : leftover * 2 >= lease.NextSize ? Math.Max(1, lease.NextSize / 2) : Math.Min(limit, lease.NextSize);
                requests[i] = new LeaseRequest(Math.Min(limit, lease.NextSize), leftover);
            }
        }
        return requests;
    }

    /// <summary>Records what Redis granted and spends one permit of each bucket on the current call.</summary>
    public void Complete(IReadOnlyList<RequestedBucket> buckets, IReadOnlyList<long> granted, TimeSpan leaseDuration)
    {
        var now = time.GetTimestamp();
        var expires = now + (long)(leaseDuration.TotalSeconds * time.TimestampFrequency);
        lock (_gate)
        {
            for (var i = 0; i < buckets.Count; i++)
            {
                if (!_leases.TryGetValue(buckets[i].Key, out var lease))
                {
                    lease = new Lease();
                    _leases[buckets[i].Key] = lease;
                }
                if (lease.ExpiresAt <= now || lease.Available < 1)
                {
                    lease.ExpiresAt = expires;
                }
                lease.Available += granted[i] - 1;
            }
        }
    }

    private void Sweep(long now)
    {
        if (now < _nextSweep)
        {
            return;
        }
        _nextSweep = now + (long)(SweepInterval.TotalSeconds * time.TimestampFrequency);
        foreach (var (key, lease) in _leases)
        {
            if (lease.ExpiresAt + (long)(SweepInterval.TotalSeconds * time.TimestampFrequency) <= now)
            {
                _leases.Remove(key);
            }
        }
    }

    private sealed class Lease
    {
        public long Available;
        public long ExpiresAt;
        public int NextSize = 1;
    }
}
