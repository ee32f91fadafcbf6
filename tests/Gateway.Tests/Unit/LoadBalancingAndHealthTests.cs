using Gateway.Tests.Infrastructure;
using ReviewMechanism.ReverseProxy.Configuration;
using ReviewMechanism.ReverseProxy.LoadBalancing;
using ReviewMechanism.ReverseProxy.Model;

namespace Gateway.Tests.Unit;

public sealed class LoadBalancingAndHealthTests
{
    private static ClusterState Cluster(string policy, params DestinationState[] destinations) =>
        new(new ClusterConfig { ClusterId = "c", LoadBalancingPolicy = policy }, destinations, [], LoadBalancingPolicies.Create(policy), new HttpMessageInvoker(new SocketsHttpHandler()));

    [Fact]
    public void LeastRequestsPicksTheLeastBusy()
    {
        var a = new DestinationState("a", "http://a");
        var b = new DestinationState("b", "http://b");
        a.RequestStarted();
        a.RequestStarted();
        b.RequestStarted();
        var cluster = Cluster("LeastRequests", a, b);

        Assert.Same(b, cluster.LoadBalancer.PickDestination(cluster, cluster.Destinations));
    }

    [Fact]
    public void PowerOfTwoChoicesNeverPicksTheBusierOfTwo()
    {
        var a = new DestinationState("a", "http://a");
        var b = new DestinationState("b", "http://b");
        a.RequestStarted();
        var cluster = Cluster("PowerOfTwoChoices", a, b);

        for (var i = 0; i < 100; i++)
        {
            Assert.Same(b, cluster.LoadBalancer.PickDestination(cluster, cluster.Destinations));
        }
    }

    [Fact]
    public void DestinationIsOutAfterConsecutiveFailuresUntilTheReactivationPeriodEnds()
    {
        var time = new TestClock();
        var destination = new DestinationState("a", "http://a");

        Assert.False(destination.RecordFailure(3, TimeSpan.FromSeconds(30), time));
        destination.RecordSuccess();
        Assert.False(destination.RecordFailure(3, TimeSpan.FromSeconds(30), time));
        Assert.False(destination.RecordFailure(3, TimeSpan.FromSeconds(30), time));
        Assert.True(destination.RecordFailure(3, TimeSpan.FromSeconds(30), time));
        Assert.False(destination.IsAvailable(time));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(destination.IsAvailable(time));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(destination.IsAvailable(time));

        // On probation: one failure takes it out again; a success ends the probation.
        Assert.True(destination.RecordFailure(3, TimeSpan.FromSeconds(30), time));
        time.Advance(TimeSpan.FromSeconds(30));
        destination.RecordSuccess();
        Assert.False(destination.RecordFailure(3, TimeSpan.FromSeconds(30), time));
        Assert.True(destination.IsAvailable(time));
    }
}
