using ReviewMechanism.Messaging.Recovery;

namespace ReviewMechanism.Messaging.Tests.Recovery;

public sealed class BusStallTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RecoverAfter = TimeSpan.FromSeconds(60);

    [Fact]
    public void AHealthyBusIsNeverStuck()
    {
        var stall = new BusStall(RecoverAfter);
        for (var s = 0; s <= 600; s += 5)
        {
            Assert.False(stall.IsStuck(Start.AddSeconds(s), endpointsHealthy: true, publishFailingSince: null, brokerAnswers: true));
        }
    }

    [Fact]
    public void ABusWaitingForABrokerThatDoesNotAnswerIsNotStuck()
    {
        var stall = new BusStall(RecoverAfter);
        for (var s = 0; s <= 600; s += 5)
        {
            Assert.False(stall.IsStuck(Start.AddSeconds(s), endpointsHealthy: false, publishFailingSince: null, brokerAnswers: false));
        }
    }

    [Fact]
    public void ABusStillUnhealthyAMinuteAfterTheBrokerAnswersAgainIsStuck()
    {
        var stall = new BusStall(RecoverAfter);
        Assert.False(stall.IsStuck(Start, endpointsHealthy: false, publishFailingSince: null, brokerAnswers: false));
        Assert.False(stall.IsStuck(Start.AddSeconds(100), endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true));
        Assert.False(stall.IsStuck(Start.AddSeconds(159), endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true));
        Assert.True(stall.IsStuck(Start.AddSeconds(160), endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true));
    }

    [Fact]
    public void PublishesFailingForAMinuteWhileTheBrokerAnswersMakeABusWithHealthyEndpointsStuck()
    {
        var stall = new BusStall(RecoverAfter);
        Assert.False(stall.IsStuck(Start.AddSeconds(30), endpointsHealthy: true, publishFailingSince: Start, brokerAnswers: true));
        Assert.False(stall.IsStuck(Start.AddSeconds(89), endpointsHealthy: true, publishFailingSince: Start, brokerAnswers: true));
        Assert.True(stall.IsStuck(Start.AddSeconds(90), endpointsHealthy: true, publishFailingSince: Start, brokerAnswers: true));
    }

    [Fact]
    public void ABusThatRecoversByItselfResetsTheClock()
    {
        var stall = new BusStall(RecoverAfter);
        Assert.False(stall.IsStuck(Start, endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true));
        Assert.False(stall.IsStuck(Start.AddSeconds(50), endpointsHealthy: true, publishFailingSince: null, brokerAnswers: true));
        Assert.False(stall.IsStuck(Start.AddSeconds(55), endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true));
        Assert.False(stall.IsStuck(Start.AddSeconds(110), endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true));
        Assert.True(stall.IsStuck(Start.AddSeconds(115), endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true));
    }

    [Fact]
    public void ARestartThatDidNotHelpDoublesTheWaitUpToTenMinutes()
    {
        var stall = new BusStall(RecoverAfter);
        var now = Start;
        var waits = new List<TimeSpan>();
        for (var restart = 0; restart < 6; restart++)
        {
            var since = now;
            while (!stall.IsStuck(now, endpointsHealthy: false, publishFailingSince: null, brokerAnswers: true))
            {
                now = now.AddSeconds(5);
            }
            waits.Add(now - since);
            stall.Restarted();
        }
        Assert.Equal([60, 120, 240, 480, 600, 600], waits.Select(w => (int)w.TotalSeconds));
    }
}
