namespace ReviewMechanism.Grpc.Tests;

public sealed class CompressionTests : ProbeServerTestBase
{
    [Fact]
    public async Task AGzipCompressedRequestIsDecompressed()
    {
        var response = await Client.PostAsync(Echo, Frames.Gzipped(new EchoRequest { Text = "squeezed" }), r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("squeezed", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task CompressedAndPlainMessagesMayMixInOneStream()
    {
        var body = Frames.Concat(Frames.Gzipped(new EchoRequest { Text = "a" }), Frames.Of(new EchoRequest { Text = "b" }));

        var response = await Client.PostAsync(Collect, body, r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal("a,b", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task TheHandlerCanAskForAGzipResponse()
    {
        var payload = ByteString.CopyFrom(new byte[2000]);

        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { ResponseCompression = "gzip", Payload = payload }),
            r => r.Headers.Add("grpc-accept-encoding", "identity,gzip"));

        Assert.Equal("gzip", response.Header("grpc-encoding"));
        var message = Assert.Single(response.Messages);
        Assert.True(message.Compressed);
        Assert.True(message.Payload.Length < 200);
        Assert.Equal(payload, message.Parse(EchoReply.Parser).Payload);
    }

    [Fact]
    public async Task NoResponseCompressionWhenTheClientDoesNotAcceptGzip()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { ResponseCompression = "gzip", Text = "plain" }),
            r => r.Headers.Add("grpc-accept-encoding", "identity"));

        Assert.False(response.Headers.ContainsKey("grpc-encoding"));
        Assert.False(Assert.Single(response.Messages).Compressed);
    }

    [Fact]
    public async Task TheServerDefaultCompressesEveryResponseTheClientAccepts()
    {
        await using var server = await ProbeServer.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        using var client = new RawGrpcClient(server.Http2Address);

        var response = await client.PostAsync(Expand, Frames.Of(new EchoRequest { Text = "z", ReplyCount = 2 }),
            r => r.Headers.Add("grpc-accept-encoding", "gzip"));

        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.All(response.Messages, m => Assert.True(m.Compressed));
        Assert.Equal(new[] { "z", "z" }, response.Messages.Select(m => m.Parse(EchoReply.Parser).Text));
    }

    [Fact]
    public async Task CompressionCanBeTurnedOffForOneMessageOfACompressedStream()
    {
        var body = Frames.Of(new EchoRequest { Text = "1", ResponseCompression = "gzip" }, new EchoRequest { Text = "2", ResponseCompression = "identity" });

        var response = await Client.PostAsync(Chat, body, r => r.Headers.Add("grpc-accept-encoding", "gzip"));

        Assert.Equal("gzip", response.Header("grpc-encoding"));
        Assert.Equal(new[] { true, false }, response.Messages.Select(m => m.Compressed));
        Assert.Equal(new[] { "1", "2" }, response.Messages.Select(m => m.Parse(EchoReply.Parser).Text));
    }

    [Fact]
    public async Task AMessageInAnUnsupportedEncodingIsUnimplementedListingTheSupportedOnes()
    {
        var response = await Client.PostAsync(Echo, Frames.Raw(1, [1, 2, 3]), r => r.Headers.Add("grpc-encoding", "snappy"));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(12, response.GrpcStatus);
        Assert.Equal("Unsupported grpc-encoding value 'snappy'. Supported encodings: identity,gzip.", response.GrpcMessageRaw);
        Assert.Equal("identity,gzip", response.Header("grpc-accept-encoding"));
    }

    [Fact]
    public async Task ACompressedFlagWithoutAnEncodingIsInternal()
    {
        var response = await Client.PostAsync(Echo, Frames.Gzipped(new EchoRequest { Text = "x" }));

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("flagged as compressed", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task CorruptGzipIsInternal()
    {
        var response = await Client.PostAsync(Echo, Frames.Raw(1, [1, 2, 3, 4, 5, 6]), r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(13, response.GrpcStatus);
        Assert.StartsWith("Could not decompress a gzip message", response.GrpcMessageRaw);
    }
}
