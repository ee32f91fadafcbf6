using System.Net;

namespace ReviewMechanism.Grpc.Tests;

public sealed class HappyPathTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ProbeServer.StartAsync();
        _client = new RawGrpcClient(_server.Http2Address);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task UnaryCallAnswersOneMessageThenStatusOkInTrailers()
    {
        var response = await _client.PostAsync("/reviewmechanism.testing.v1.ProbeService/Echo", Frames.Of(new EchoRequest { Text = "hello" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Equal("application/grpc", response.Header("content-type"));
        var message = Assert.Single(response.Messages);
        Assert.False(message.Compressed);
        Assert.Equal("hello", message.Parse(EchoReply.Parser).Text);
        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.False(response.Headers.ContainsKey("grpc-status"));
    }

    [Fact]
    public async Task ServerStreamingCallAnswersEveryMessageInOrder()
    {
        var response = await _client.PostAsync("/reviewmechanism.testing.v1.ProbeService/Expand",
            Frames.Of(new EchoRequest { Text = "x", ReplyCount = 3 }));

        Assert.Equal(new[] { 0, 1, 2 }, response.Messages.Select(m => m.Parse(EchoReply.Parser).Index));
        Assert.Equal("0", response.Trailer("grpc-status"));
    }

    [Fact]
    public async Task ServerStreamingCallWithNoMessagesStillEndsWithOk()
    {
        var response = await _client.PostAsync("/reviewmechanism.testing.v1.ProbeService/Expand",
            Frames.Of(new EchoRequest { ReplyCount = 0 }));

        Assert.Empty(response.Body);
        Assert.Equal(0, response.GrpcStatus);
    }

    [Fact]
    public async Task ClientStreamingCallReadsEveryMessageBeforeAnswering()
    {
        var response = await _client.PostAsync("/reviewmechanism.testing.v1.ProbeService/Collect",
            Frames.Of(new EchoRequest { Text = "a" }, new EchoRequest { Text = "b" }, new EchoRequest { Text = "c" }));

        var reply = Assert.Single(response.Messages).Parse(EchoReply.Parser);
        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Index);
        Assert.Equal("0", response.Trailer("grpc-status"));
    }

    [Fact]
    public async Task ClientStreamingCallWithAnEmptyStreamAnswersAnEmptyCollection()
    {
        var response = await _client.PostAsync("/reviewmechanism.testing.v1.ProbeService/Collect", []);

        var reply = Assert.Single(response.Messages).Parse(EchoReply.Parser);
        Assert.Equal(0, reply.Index);
        Assert.Equal(0, response.GrpcStatus);
    }

    [Fact]
    public async Task DuplexCallAnswersEachRequestBeforeTheNextIsSent()
    {
        var content = new StreamingContent();
        // A gRPC server sends its headers with its first message: the first request must go before waiting for them.
        content.Write(Frames.Of(new EchoRequest { Text = "one" }));
        using var response = await _client.StartAsync(RawGrpcClient.Request("/reviewmechanism.testing.v1.ProbeService/Chat", content));
        var body = await response.Content.ReadAsStreamAsync();

        foreach (var text in new[] { "one", "two", "three" })
        {
            if (text != "one")
            {
                content.Write(Frames.Of(new EchoRequest { Text = text }));
            }
            var reply = await ReadOneMessageAsync(body);
            Assert.Equal(text, EchoReply.Parser.ParseFrom(reply).Text);
        }
        content.Complete();

        Assert.Equal(-1, body.ReadByte());
        Assert.Equal("0", string.Join(",", response.TrailingHeaders.GetValues("grpc-status")));
    }

    private static async Task<byte[]> ReadOneMessageAsync(Stream body)
    {
        var header = new byte[5];
        await body.ReadExactlyAsync(header).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
        var payload = new byte[length];
        await body.ReadExactlyAsync(payload);
        return payload;
    }
}
