namespace ReviewMechanism.Grpc.Tests;

public sealed class DeadlineTests : ProbeServerTestBase
{
    [Fact]
    public async Task ACallPastItsDeadlineEndsWithDeadlineExceededAndCancelsTheHandler()
    {
        var started = DateTime.UtcNow;
        var response = await Client.PostAsync(Wait, Frames.Of(new WaitRequest { Probe = "deadline" }), r => r.Headers.Add("grpc-timeout", "200m"));

        Assert.Equal(4, response.GrpcStatus);
        Assert.Equal("Deadline Exceeded", response.GrpcMessageRaw);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal("cancelled", await Observations.WaitForAsync("deadline", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AHandlerThatIgnoresItsTokenAndKeepsWritingIsStoppedCleanlyAtTheDeadline()
    {
        var response = await Client.PostAsync(Flood, Frames.Of(new WaitRequest { Probe = "flood", IntervalMs = 1 }), r => r.Headers.Add("grpc-timeout", "300m"));

        Assert.Equal(4, response.GrpcStatus);
        Assert.Equal("4", response.Trailer("grpc-status"));
        Assert.NotEmpty(response.Messages);
        Assert.All(response.Messages, m => Assert.Equal(512, m.Parse(EchoReply.Parser).Payload.Length));
        var observed = await Observations.WaitForAsync("flood", TimeSpan.FromSeconds(5));
        Assert.EndsWith("token cancelled: True", observed);
    }

    [Fact]
    public async Task AWriteBlockedByAClientThatStopsReadingIsCancelledAtTheDeadline()
    {
        var request = RawGrpcClient.Request(Flood, new ByteArrayContent(Frames.Of(new WaitRequest { Probe = "stuck", IntervalMs = 0 })));
        request.Headers.Add("grpc-timeout", "500m");

        // Read the headers, then never the body: flow control soon blocks the handler's writes.
        using var response = await Client.StartAsync(request);
        var observed = await Observations.WaitForAsync("stuck", TimeSpan.FromSeconds(10));

        Assert.EndsWith("token cancelled: True", observed);
        var error = await Assert.ThrowsAsync<HttpProtocolException>(async () =>
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.CopyToAsync(Stream.Null);
        });
        Assert.Equal(8, error.ErrorCode);
    }

    [Fact]
    public async Task ManyDeadlinesRacingWithWritesAllEndWithAWellFormedResponse()
    {
        var calls = Enumerable.Range(0, 40).Select(i => Client.PostAsync(Flood,
            Frames.Of(new WaitRequest { Probe = "race" + i, IntervalMs = 0 }),
            r => r.Headers.Add("grpc-timeout", (20 + i % 7) + "m")));

        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r =>
        {
            Assert.Equal(4, r.GrpcStatus);
            Assert.All(r.Messages, m => Assert.Equal(512, m.Parse(EchoReply.Parser).Payload.Length));
        });
    }

    [Fact]
    public async Task TheHandlerSeesTheDeadlineOnlyWhenTheClientSentOne()
    {
        var withTimeout = await Client.PostAsync(Echo, Frames.Of(new EchoRequest()), r => r.Headers.Add("grpc-timeout", "10S"));
        var without = await Client.PostAsync(Echo, Frames.Of(new EchoRequest()));

        Assert.True(Assert.Single(withTimeout.Messages).Parse(EchoReply.Parser).HasDeadline);
        Assert.False(Assert.Single(without.Messages).Parse(EchoReply.Parser).HasDeadline);
        Assert.Equal(0, withTimeout.GrpcStatus);
    }

    [Fact]
    public async Task AMalformedTimeoutIsIgnored()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Text = "t" }), r => r.Headers.TryAddWithoutValidation("grpc-timeout", "soon"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.False(Assert.Single(response.Messages).Parse(EchoReply.Parser).HasDeadline);
    }
}
