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
        // 64 KB replies fill the client's stream window (64 KB) and Kestrel's buffer in a few writes.
        var request = RawGrpcClient.Request(Flood, new ByteArrayContent(Frames.Of(new WaitRequest { Probe = "stuck", IntervalMs = 0, PayloadBytes = 64 * 1024 })));
        request.Headers.Add("grpc-timeout", "3S");

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
    public async Task AHandlerWaitingForStreamedRequestsIsStoppedAtTheDeadline()
    {
        var content = new StreamingContent();
        content.Write(Frames.Of(new EchoRequest { Text = "first" }));
        var request = RawGrpcClient.Request(Collect, content);
        request.Headers.Add("grpc-timeout", "300m");

        // The request stream stays open: the handler is blocked reading when the deadline passes.
        var response = await Client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(4, response.GrpcStatus);
        content.Complete();
    }

    [Fact]
    public async Task ADuplexCallWaitingForTheNextRequestIsStoppedAtTheDeadline()
    {
        var content = new StreamingContent();
        content.Write(Frames.Of(new EchoRequest { Text = "one" }));
        var request = RawGrpcClient.Request(Chat, content);
        request.Headers.Add("grpc-timeout", "300m");

        var response = await Client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("one", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
        Assert.Equal("4", response.Trailer("grpc-status"));
        content.Complete();
    }

    [Fact]
    public async Task ManyShortDeadlinesAllFirePromptly()
    {
        // The deadline timer is a 2.56 s wheel: a call it lost would only fire a revolution later.
        var calls = Enumerable.Range(0, 300).Select(async i =>
        {
            var timeout = TimeSpan.FromMilliseconds(1 + i % 50);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var response = await Client.PostAsync(Wait, Frames.Of(new WaitRequest { Probe = "many" + i }),
                r => r.Headers.Add("grpc-timeout", (int)timeout.TotalMilliseconds + "m"));
            return (response.GrpcStatus, Late: started.Elapsed - timeout);
        });

        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(4, r.GrpcStatus));
        // Compared with the median, so client-side queueing on a busy machine does not count.
        var lateness = results.Select(r => r.Late).Order().ToList();
        var median = lateness[lateness.Count / 2];
        Assert.True(lateness[^1] - median < TimeSpan.FromSeconds(1.5), $"latest deadline fired {lateness[^1]} late, median {median}");
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
