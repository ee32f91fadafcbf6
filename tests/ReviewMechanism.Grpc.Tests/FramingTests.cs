namespace ReviewMechanism.Grpc.Tests;

public sealed class FramingTests : ProbeServerTestBase
{
    [Fact]
    public async Task AUnaryRequestSplitAtEveryByteBoundaryIsReassembled()
    {
        var body = Frames.Of(new EchoRequest { Text = "split me anywhere" });
        for (var cut = 1; cut < body.Length; cut++)
        {
            var content = StreamingContent.FromPieces([body[..cut], body[cut..]], TimeSpan.FromMilliseconds(5));
            var response = await Client.SendAsync(RawGrpcClient.Request(Echo, content));

            Assert.True(response.GrpcStatus == 0, $"cut at {cut}: {response}");
            Assert.Equal("split me anywhere", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
        }
    }

    [Fact]
    public async Task AStreamOfMessagesSplitAtEveryByteBoundaryIsReassembled()
    {
        var body = Frames.Of(new EchoRequest { Text = "a" }, new EchoRequest { Text = "bb" }, new EchoRequest { Text = "ccc" });
        for (var cut = 1; cut < body.Length; cut++)
        {
            var content = StreamingContent.FromPieces([body[..cut], body[cut..]], TimeSpan.FromMilliseconds(5));
            var response = await Client.SendAsync(RawGrpcClient.Request(Collect, content));

            Assert.True(response.GrpcStatus == 0, $"cut at {cut}: {response}");
            Assert.Equal("a,bb,ccc", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
        }
    }

    [Fact]
    public async Task EveryByteInItsOwnDataFrameStillMakesWholeMessages()
    {
        var body = Frames.Of(new EchoRequest { Text = "one" }, new EchoRequest { Text = "two" });
        var content = StreamingContent.FromPieces(body.Select(b => new[] { b }), TimeSpan.FromMilliseconds(2));

        var response = await Client.SendAsync(RawGrpcClient.Request(Collect, content));

        Assert.Equal("one,two", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task AnEmptyMessageIsAValidMessage()
    {
        var response = await Client.PostAsync(Echo, Frames.Raw(0, []));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Single(response.Messages);
    }

    [Fact]
    public async Task AUnaryRequestWithoutAMessageIsRejectedAsInternal()
    {
        var response = await Client.PostAsync(Echo, []);

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(13, response.GrpcStatus);
        Assert.Equal("A unary request must carry exactly one message, but the request ended without any.", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task AUnaryRequestWithTwoMessagesIsRejectedAsInternal()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Text = "1" }, new EchoRequest { Text = "2" }));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("exactly one message", response.GrpcMessageRaw);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task ASecondMessageArrivingLaterIsAlsoRejected()
    {
        var first = Frames.Of(new EchoRequest { Text = "1" });
        var content = StreamingContent.FromPieces([first, Frames.Of(new EchoRequest { Text = "2" })], TimeSpan.FromMilliseconds(50));

        var response = await Client.SendAsync(RawGrpcClient.Request(Expand, content));

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("more data followed the first message", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task ARequestThatEndsInsideAMessageIsRejectedAsIncomplete()
    {
        var body = Frames.Of(new EchoRequest { Text = "truncated" });

        var response = await Client.PostAsync(Echo, body[..^3]);

        Assert.Equal(13, response.GrpcStatus);
        Assert.Equal($"Incomplete message: the request ended after {body.Length - 8} of the {body.Length - 5} byte(s) its header announced.", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task ARequestThatEndsInsideAFrameHeaderIsRejectedAsIncomplete()
    {
        var response = await Client.PostAsync(Collect, Frames.Concat(Frames.Of(new EchoRequest { Text = "ok" }), [0, 0, 0]));

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("Incomplete message", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task AnInvalidCompressedFlagIsRejected()
    {
        var response = await Client.PostAsync(Echo, Frames.Raw(2, new EchoRequest { Text = "x" }.ToByteArray()));

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("compressed flag", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task BytesThatAreNotTheRequestMessageAreRejectedAsInternal()
    {
        var response = await Client.PostAsync(Echo, Frames.Raw(0, [0xFF, 0xFF, 0xFF]));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(13, response.GrpcStatus);
        Assert.StartsWith("The request message could not be parsed as EchoRequest", response.GrpcMessageRaw);
    }
}
