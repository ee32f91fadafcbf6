namespace Gateway.RateLimiting;

/// <summary>
/// <c>RateLimiting</c> configuration. Each policy limits per client and/or per IP. The client is the
/// token's <c>sub</c>: the person, or the partner system for a client_credentials token (whose sub is its
/// client id); <c>client_id</c> when a token has no sub. Keying people by <c>client_id</c> would make every
/// user of the web front end share one bucket. Limits are token buckets: <see cref="BucketOptions.PermitLimit"/> requests at once,
/// refilled at PermitLimit per <see cref="BucketOptions.Window"/>. Buckets live in Redis
/// (<c>ConnectionStrings:redis</c>) so every gateway replica draws on the same ones.
/// </summary>
public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>When Redis cannot answer: false (default) lets requests through with a logged warning; true refuses them (UNAVAILABLE / 503).</summary>
    public bool FailClosed { get; set; }

    /// <summary>How long a limit check may wait for Redis before the failure mode applies.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    public string KeyPrefix { get; set; } = "gateway:ratelimit";

    public RateLimitStore Store { get; set; } = RateLimitStore.Batched;

    /// <summary>The most permits a replica takes from one bucket at once (see <see cref="PermitLeases"/>); 1 asks Redis on every request.</summary>
    public int MaxLease { get; set; } = 100;

    /// <summary>How long a replica may spend permits it took in a batch; the rest go back to Redis.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The policy of routes that do not name one (<see cref="Proxy.RouteDefaultsFilter"/>); <c>Disable</c> turns limits off on a route.</summary>
    public string? DefaultPolicy { get; set; }

    public Dictionary<string, RateLimitPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RateLimitPolicyOptions
{
    public BucketOptions? PerClient { get; set; }

    public BucketOptions? PerIp { get; set; }
}

public sealed class BucketOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>Microseconds for one permit to come back.</summary>
    internal long RefillIntervalMicroseconds => Math.Max(1, (long)(Window.TotalMicroseconds / PermitLimit));

    public override string ToString() => $"{PermitLimit} per {Window}";
}

/// <summary>Where permits are counted: today's batched token buckets, or RedisRateLimiting.AspNetCore's (measured in bench/gateway).</summary>
public enum RateLimitStore
{
    Batched,
    RedisRateLimiting,
}
