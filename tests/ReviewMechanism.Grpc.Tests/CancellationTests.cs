namespace ReviewMechanism.Grpc.Tests;

public sealed class CancellationTests : ProbeServerTestBase
{
    [Fact]
    public async Task AClientResetReachesTheHandlersToken()
    {
        using var cancel = new CancellationTokenSource();
        var call = Client.PostAsync(Wait, Frames.Of(new WaitRequest { Probe = "reset" }), cancellationToken: cancel.Token);
        await Observations.WaitForAsync("reset:started", TimeSpan.FromSeconds(10));

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal("cancelled", await Observations.WaitForAsync("reset", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AClientResetDuringADeadlineCallAlsoReachesTheHandler()
    {
        using var cancel = new CancellationTokenSource();
        var call = Client.PostAsync(Wait, Frames.Of(new WaitRequest { Probe = "reset-deadline" }),
            r => r.Headers.Add("grpc-timeout", "30S"), cancel.Token);
        await Observations.WaitForAsync("reset-deadline:started", TimeSpan.FromSeconds(10));

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal("cancelled", await Observations.WaitForAsync("reset-deadline", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task TheCancelledCallIsLoggedAsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var call = Client.PostAsync(Wait, Frames.Of(new WaitRequest { Probe = "logged" }), cancellationToken: cancel.Token);
        await Observations.WaitForAsync("logged:started", TimeSpan.FromSeconds(10));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Observations.WaitForAsync("logged", TimeSpan.FromSeconds(5));

        await WaitUntilAsync(() => Server.Logs.Lines.Any(l => l.Message.Contains("/Wait finished with Cancelled")));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
