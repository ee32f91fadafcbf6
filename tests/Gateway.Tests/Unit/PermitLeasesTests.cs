using Gateway.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Unit;

public sealed class PermitLeasesTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static RequestedBucket Bucket(string key, int limit) => new(key, key, new BucketOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });

    /// <summary>Asks for a batch the way the middleware does, as if Redis granted all of it.</summary>
    private static LeaseRequest[] Refill(PermitLeases leases, RequestedBucket[] buckets, int maxLease = 100)
    {
        var requests = leases.Prepare(buckets, maxLease);
        leases.Complete(buckets, requests.Select(r => (long)r.Want).ToArray(), Second);
        return requests;
    }

    private static int Spend(PermitLeases leases, RequestedBucket[] buckets)
    {
        var spent = 0;
        while (leases.TryTake(buckets))
        {
            spent++;
        }
        return spent;
    }

    [Fact]
    public void ABatchDoublesWhileItRunsOutBeforeItExpires()
    {
        var leases = new PermitLeases(_clock);
        RequestedBucket[] buckets = [Bucket("client:a", 1000)];

        var wanted = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            wanted.Add(Refill(leases, buckets)[0].Want);
            Spend(leases, buckets);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 100, 100], wanted);
    }

    [Fact]
    public void ABatchIsNeverMoreThanATenthOfTheBucket()
    {
        var leases = new PermitLeases(_clock);
        RequestedBucket[] small = [Bucket("client:small", 30)];
        RequestedBucket[] tiny = [Bucket("client:tiny", 3)];

        for (var i = 0; i < 5; i++)
        {
            Assert.InRange(Refill(leases, small)[0].Want, 1, 3);
            Spend(leases, small);
            Assert.Equal(1, Refill(leases, tiny)[0].Want);
            Assert.Equal(0, Spend(leases, tiny));
        }
    }

    [Fact]
    public void PermitsLeftWhenALeaseExpiresGoBackAndTheNextBatchIsSmaller()
    {
        var leases = new PermitLeases(_clock);
        RequestedBucket[] buckets = [Bucket("client:a", 1000)];
        for (var i = 0; i < 4; i++)
        {
            Refill(leases, buckets);
            Spend(leases, buckets);
        }
        Assert.Equal(16, Refill(leases, buckets)[0].Want);   // 15 left after this call's permit
        Assert.True(leases.TryTake(buckets));

        _clock.Advance(2 * Second);

        Assert.False(leases.TryTake(buckets));
        var next = leases.Prepare(buckets, 100)[0];
        Assert.Equal(14, next.GiveBack);
        Assert.Equal(8, next.Want);
    }

    [Fact]
    public void ACallTakesFromEveryBucketOrFromNone()
    {
        var leases = new PermitLeases(_clock);
        RequestedBucket[] client = [Bucket("client:a", 1000)];
        RequestedBucket[] both = [client[0], Bucket("ip:10.0.0.1", 1000)];
        Refill(leases, client);
        Refill(leases, client);                    // client lease: 2 granted, 1 spent, 1 left

        Assert.False(leases.TryTake(both));        // no lease for the IP yet
        Assert.Equal([1, 1], leases.Prepare(both, 100).Select(r => r.Want));   // the client's permit is still there
        Assert.Equal(1, Spend(leases, client));
    }
}
