using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

public sealed class StreamingCallTests
{
    [Fact]
    public async Task ServerStreamingReadsEveryMessageThenEndsWithOk()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.SubscribeMethod, async context =>
        {
            var request = (await Wire.ReadAllFramesAsync(context.Request)).Single().Parse(TestRequest.Parser);
            await Wire.StartResponseAsync(context);
            for (var i = 0; i < request.Count; i++)
            {
                await Wire.WriteAsync(context, Wire.Frame(new TestReply { Index = i, Text = request.Text }));
            }
            Wire.Trailers(context, 0, null, ("x-count", request.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Subscribe(new TestRequest { Text = "draft", Count = 5 });
        var replies = new List<TestReply>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            replies.Add(reply);
        }

        Assert.Equal([0, 1, 2, 3, 4], replies.Select(r => r.Index));
        Assert.All(replies, r => Assert.Equal("draft", r.Text));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("5", call.GetTrailers().GetValue("x-count"));
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ServerStreamingErrorAfterMessagesIsRaisedByMoveNext()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.SubscribeMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Index = 1 }));
            Wire.Trailers(context, (int)StatusCode.Aborted, "conflict");
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Subscribe(new TestRequest());

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(1, call.ResponseStream.Current.Index);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("conflict", ex.Status.Detail);
        Assert.Equal(StatusCode.Aborted, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task TrailersOnlyOkIsAnEmptyStream()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.SubscribeMethod, context => Wire.TrailersOnlyAsync(context, 0));
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Subscribe(new TestRequest());

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreamingSendsEveryMessageAndHalfCloses()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.UploadMethod, async context =>
        {
            var frames = await Wire.ReadAllFramesAsync(context.Request);
            var texts = frames.Select(f => f.Parse(TestRequest.Parser).Text);
            await Wire.ReplyAsync(context, new TestReply { Text = string.Join(",", texts), Index = frames.Count });
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Upload();
        foreach (var text in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new TestRequest { Text = text });
        }
        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Index);
        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new TestRequest()));
    }

    [Fact]
    public async Task ClientStreamingWithNoMessagesSendsAnEmptyStream()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.UploadMethod, async context =>
        {
            var frames = await Wire.ReadAllFramesAsync(context.Request);
            await Wire.ReplyAsync(context, new TestReply { Index = frames.Count });
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Upload();
        await call.RequestStream.CompleteAsync();

        Assert.Equal(0, (await call).Index);
    }

    [Fact]
    public async Task DuplexCallReadsResponsesWhileTheRequestStreamIsStillOpen()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ChatMethod, async context =>
        {
            await Wire.StartResponseAsync(context, ("x-chat", "open"));
            var index = 0;
            while (await Wire.ReadFrameAsync(context.Request.BodyReader, context.RequestAborted) is { } frame)
            {
                var request = frame.Parse(TestRequest.Parser);
                await Wire.WriteAsync(context, Wire.Frame(new TestReply { Text = request.Text.ToUpperInvariant(), Index = index++ }));
            }
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Chat();
        Assert.Equal("open", (await call.ResponseHeadersAsync).GetValue("x-chat"));
        foreach (var word in new[] { "ping", "pong", "done" })
        {
            // Each answer arrives before the next request is written: a true ping-pong.
            await call.RequestStream.WriteAsync(new TestRequest { Text = word });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(word.ToUpperInvariant(), call.ResponseStream.Current.Text);
        }
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task DuplexServerCanAnswerBeforeTheClientWrites()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ChatMethod, async context =>
        {
            await Wire.StartResponseAsync(context);
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Text = "welcome" }));
            var frames = await Wire.ReadAllFramesAsync(context.Request);
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Text = "bye", Index = frames.Count }));
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Chat();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("welcome", call.ResponseStream.Current.Text);
        await call.RequestStream.WriteAsync(new TestRequest { Text = "hi" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(1, call.ResponseStream.Current.Index);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task WritesWaitForTheServerToReadBecauseOfFlowControl()
    {
        var startReading = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.UploadMethod, async context =>
        {
            await startReading.Task;
            var frames = await Wire.ReadAllFramesAsync(context.Request);
            await Wire.ReplyAsync(context, new TestReply { Index = frames.Count });
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);
        var chunk = new TestRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[256 * 1024]) };

        using var call = client.Upload();
        var written = 0;
        Task write;
        while (true)
        {
            write = call.RequestStream.WriteAsync(chunk);
            if (await Task.WhenAny(write, Task.Delay(500)) != write)
            {
                break;
            }
            await write;
            written++;
            Assert.True(written < 64, "64 writes of 256 KB went through although the server reads nothing.");
        }

        // The pending write completes once the server reads; nothing was lost.
        startReading.SetResult();
        await write.WaitAsync(TimeSpan.FromSeconds(10));
        await call.RequestStream.CompleteAsync();
        Assert.Equal(written + 1, (await call).Index);
    }

    [Fact]
    public async Task ManyConcurrentStreamsShareTheChannel()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ChatMethod, async context =>
        {
            await Wire.StartResponseAsync(context);
            while (await Wire.ReadFrameAsync(context.Request.BodyReader, context.RequestAborted) is { } frame)
            {
                await Wire.WriteAsync(context, Wire.Frame(new TestReply { Text = frame.Parse(TestRequest.Parser).Text }));
            }
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var call = client.Chat();
            var texts = new List<string>();
            for (var j = 0; j < 5; j++)
            {
                await call.RequestStream.WriteAsync(new TestRequest { Text = $"{i}-{j}" });
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                texts.Add(call.ResponseStream.Current.Text);
            }
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
            return texts;
        }));

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(Enumerable.Range(0, 5).Select(j => $"{i}-{j}"), results[i]);
        }
    }
}
