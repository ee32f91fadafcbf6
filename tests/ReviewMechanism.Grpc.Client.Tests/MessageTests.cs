using System.Buffers.Binary;
using Google.Protobuf;
using Google.Rpc;
using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Grpc.Protocol;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

/// <summary>Message limits, compression, metadata and error details on the wire.</summary>
public sealed class MessageTests
{
    [Fact]
    public async Task OversizedResponseIsResourceExhaustedNamingBothSizes()
    {
        var aborted = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            // Announce a 5 MB message and send only its start: the client must refuse it from the header.
            var header = new byte[5];
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), 5 * 1024 * 1024);
            await Wire.WriteAsync(context, [.. header, .. new byte[1024]]);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("5242880", ex.Status.Detail);
        Assert.Contains("4194304", ex.Status.Detail);
        // The client reset the stream instead of reading the rest.
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReceiveLimitIsConfigurable()
    {
        var reply = new TestReply { Payload = ByteString.CopyFrom(new byte[6 * 1024 * 1024]) };
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.ReplyAsync(context, reply);
        });
        using var small = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });
        using var large = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 8 * 1024 * 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new ClientTestService.ClientTestServiceClient(small).CreateAsync(new TestRequest()));
        var received = await new ClientTestService.ClientTestServiceClient(large).CreateAsync(new TestRequest());

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("vs. 1024", ex.Status.Detail);
        Assert.Equal(reply.Payload.Length, received.Payload.Length);
    }

    [Fact]
    public async Task OversizedRequestIsResourceExhaustedAndNeverSent()
    {
        var calls = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
        {
            Interlocked.Increment(ref calls);
            return Wire.TrailersOnlyAsync(context, 0);
        });
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 100 });
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest { Payload = ByteString.CopyFrom(new byte[200]) }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("Sending message larger than max", ex.Status.Detail);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task GzipCompressedResponseIsDecompressed()
    {
        var reply = new TestReply { Text = string.Concat(Enumerable.Repeat("observation ", 500)) };
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context, ("grpc-encoding", "gzip"));
            var frame = Wire.Frame(reply, gzip: true);
            Assert.True(frame.Length < reply.CalculateSize());
            await Wire.WriteAsync(context, frame);
            // A message may also come uncompressed (flag 0) within a gzip response.
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        Assert.Equal(reply, await client.CreateAsync(new TestRequest()));
    }

    [Fact]
    public async Task CompressedResponseWithAnUnknownEncodingIsRefused()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context, ("grpc-encoding", "snappy"));
            await Wire.WriteAsync(context, Wire.Frame(new TestReply(), gzip: true));
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Contains("snappy", ex.Status.Detail);
    }

    [Fact]
    public async Task CompressedResponseThatInflatesPastTheLimitIsResourceExhausted()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context, ("grpc-encoding", "gzip"));
            // 1 MB of zeros compresses to about 1 KB, under the 64 KB wire limit but over it once inflated.
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Payload = ByteString.CopyFrom(new byte[1024 * 1024]) }, gzip: true));
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 });
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task GzipRequestIsSentCompressedWhenTheCallAsks()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        var request = new TestRequest { Text = string.Concat(Enumerable.Repeat("finding ", 400)) };
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            seen.SetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.ReplyAsync(context, new TestReply());
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        await client.CreateAsync(request, new CallOptions(compression: "gzip"));

        var received = await seen.Task;
        Assert.Equal("gzip", received.Header("grpc-encoding"));
        var frame = Assert.Single(received.Frames);
        Assert.True(frame.Compressed);
        Assert.True(frame.Payload.Length < request.CalculateSize());
        Assert.Equal(request, TestRequest.Parser.ParseFrom(Wire.Gunzip(frame.Payload)));
    }

    [Fact]
    public async Task StreamedRequestsAreCompressedExceptThoseMarkedNoCompress()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.UploadMethod, async context =>
        {
            seen.SetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.ReplyAsync(context, new TestReply());
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Upload(new CallOptions(compression: "gzip"));
        await call.RequestStream.WriteAsync(new TestRequest { Text = "compressed" });
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(new TestRequest { Text = "plain" });
        await call.RequestStream.CompleteAsync();
        await call;

        var received = await seen.Task;
        Assert.Equal("gzip", received.Header("grpc-encoding"));
        Assert.Equal([true, false], received.Frames.Select(f => f.Compressed));
        Assert.Equal(["compressed", "plain"], received.Frames.Select(f => f.Parse(TestRequest.Parser).Text));
    }

    [Fact]
    public async Task UnknownRequestCompressionFailsTheCallWithoutSendingIt()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context => Wire.TrailersOnlyAsync(context, 0));
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest(), new CallOptions(compression: "zstd")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("zstd", ex.Status.Detail);
    }

    [Fact]
    public async Task BinaryAndTextMetadataTravelBothWays()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        byte[] sent = [0, 1, 2, 250, 251, 255];
        byte[] headerBytes = [9, 8, 7];
        byte[] trailerBytes = [0xde, 0xad, 0xbe, 0xef, 0x00];
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            seen.SetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.StartResponseAsync(context, ("x-reply-bin", Convert.ToBase64String(headerBytes)), ("x-reply", "text value"));
            await Wire.WriteAsync(context, Wire.Frame(new TestReply()));
            // Unpadded base64, and two values joined with a comma, as the protocol allows.
            Wire.Trailers(context, 0, null,
                ("x-trailer-bin", Convert.ToBase64String(trailerBytes).TrimEnd('=') + "," + Convert.ToBase64String([1])));
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var headers = new Metadata { { "x-data-bin", sent }, { "x-party", "AUT" }, { "x-pair-bin", [1, 2] }, { "x-pair-bin", [3] } };
        var call = client.CreateAsync(new TestRequest(), new CallOptions(headers));
        await call;
        var responseHeaders = await call.ResponseHeadersAsync;

        var request = await seen.Task;
        Assert.Equal(Convert.ToBase64String(sent).TrimEnd('='), request.Header("x-data-bin"));
        Assert.Equal("AUT", request.Header("x-party"));
        Assert.Equal(["AQI", "Aw"], request.Header("x-pair-bin")!.Split(','));
        Assert.Equal(headerBytes, responseHeaders.GetValueBytes("x-reply-bin"));
        Assert.Equal("text value", responseHeaders.GetValue("x-reply"));
        var trailerValues = call.GetTrailers().GetAll("x-trailer-bin").Select(e => e.ValueBytes).ToList();
        Assert.Equal([trailerBytes, [1]], trailerValues);
    }

    [Fact]
    public async Task ProtocolHeadersInCallMetadataAreNotSent()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            seen.SetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.ReplyAsync(context, new TestReply());
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        await client.CreateAsync(new TestRequest(), new CallOptions(new Metadata { { "content-type", "text/plain" }, { "grpc-timeout", "1n" } }));

        var request = await seen.Task;
        Assert.Equal("application/grpc", request.Header("content-type"));
        Assert.Null(request.Header("grpc-timeout"));
    }

    [Fact]
    public async Task RichErrorDetailsAreDecodedFromTheTrailers()
    {
        var details = new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = "The nomination is incomplete",
            Details =
            {
                Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = "expert.email", Description = "An email address is required." } },
                }),
            },
        };
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            Wire.Trailers(context, (int)StatusCode.InvalidArgument, "The nomination is incomplete",
                (GrpcHeaders.StatusDetails, BinaryHeader.Encode(details.ToByteArray())));
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal(details, status);
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("expert.email", violation.Field);
    }

    [Theory]
    [InlineData(8, StatusCode.Cancelled)]
    [InlineData(7, StatusCode.Unavailable)]
    [InlineData(2, StatusCode.Internal)]
    [InlineData(11, StatusCode.ResourceExhausted)]
    public async Task StreamResetByTheServerMapsItsErrorCode(int http2ErrorCode, StatusCode expected)
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.SubscribeMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Index = 1 }));
            Wire.Reset(context, http2ErrorCode);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Subscribe(new TestRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        Assert.Equal(expected, ex.StatusCode);
    }
}
