namespace ReviewMechanism.Grpc.Tests;

public sealed class LimitTests : ProbeServerTestBase
{
    [Fact]
    public async Task AMessageOverTheDefaultFourMegabytesIsRejectedNamingBothSizes()
    {
        var payload = new byte[4 * 1024 * 1024 + 1];
        var request = new EchoRequest { Payload = ByteString.CopyFrom(payload) };

        var response = await Client.PostAsync(Echo, Frames.Of(request));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(8, response.GrpcStatus);
        Assert.Equal($"Received message larger than max ({request.CalculateSize()} vs. 4194304)", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task AMessageJustUnderTheLimitIsAccepted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[4 * 1024 * 1024 - 16]) };

        var response = await Client.PostAsync(Echo, Frames.Of(request));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(request.Payload.Length, Assert.Single(response.Messages).Parse(EchoReply.Parser).Payload.Length);
    }

    [Fact]
    public async Task TheConfiguredLimitIsCheckedAsSoonAsTheFrameHeaderArrives()
    {
        await using var server = await ProbeServer.StartAsync(o => o.MaxReceiveMessageSize = 100);
        using var client = new RawGrpcClient(server.Http2Address);
        var content = new StreamingContent();
        // Announce a 1 GB message and send nothing more: the answer must not wait for the body.
        content.Write([0, 0x40, 0, 0, 0]);

        using var response = await client.StartAsync(RawGrpcClient.Request(Echo, content)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("8", string.Join(",", response.Headers.GetValues("grpc-status")));
        Assert.Equal("Received message larger than max (1073741824 vs. 100)", string.Join(",", response.Headers.GetValues("grpc-message")));
        content.Complete();
    }

    [Fact]
    public async Task ACompressedMessageIsLimitedByItsDecompressedSize()
    {
        await using var server = await ProbeServer.StartAsync(o => o.MaxReceiveMessageSize = 1000);
        using var client = new RawGrpcClient(server.Http2Address);
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[5000]) };
        var frame = Frames.Gzipped(request);
        Assert.True(frame.Length < 1000);

        var response = await client.PostAsync(Echo, frame, r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(8, response.GrpcStatus);
        Assert.StartsWith("Received message larger than max (", response.GrpcMessageRaw);
        Assert.EndsWith(" vs. 1000)", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task AResponseOverTheSendLimitEndsWithResourceExhausted()
    {
        await using var server = await ProbeServer.StartAsync(o => o.MaxSendMessageSize = 50);
        using var client = new RawGrpcClient(server.Http2Address);
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[100]) };

        var response = await client.PostAsync(Echo, Frames.Of(request));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(8, response.GrpcStatus);
        Assert.Equal("Sending message larger than max (102 vs. 50)", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task AStreamedResponseOverTheSendLimitFailsTheWriteAndTheCall()
    {
        await using var server = await ProbeServer.StartAsync(o => o.MaxSendMessageSize = 50);
        using var client = new RawGrpcClient(server.Http2Address);

        var response = await client.PostAsync(Expand, Frames.Of(new EchoRequest { Payload = ByteString.CopyFrom(new byte[100]), ReplyCount = 2 }));

        Assert.Equal(8, response.GrpcStatus);
        Assert.Contains("Sending message larger than max", response.GrpcMessageRaw);
        Assert.Empty(response.Messages);
    }
}
