using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

public sealed class RetryTests
{
    private static GrpcChannelOptions FastRetries(int maxAttempts = 4) => new()
    {
        Retry = new GrpcRetryOptions { MaxAttempts = maxAttempts, InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50) },
    };

    [Fact]
    public async Task IdempotentCallIsRetriedOnUnavailableUntilItSucceeds()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, async context =>
        {
            var request = (await Wire.ReadAllFramesAsync(context.Request)).Single().Parse(TestRequest.Parser);
            if (Interlocked.Increment(ref attempts) < 3)
            {
                await Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "restarting");
                return;
            }
            await Wire.ReplyAsync(context, new TestReply { Text = request.Text, Index = attempts });
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var call = client.GetAsync(new TestRequest { Text = "review 7" });
        var reply = await call;

        Assert.Equal(3, attempts);
        Assert.Equal("review 7", reply.Text);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task NonIdempotentCallIsNeverRetried()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
        {
            Interlocked.Increment(ref attempts);
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "restarting");
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task OtherStatusCodesAreNotRetried()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, context =>
        {
            Interlocked.Increment(ref attempts);
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.Internal, "bug");
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new TestRequest()));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task RetriesStopAtMaxAttemptsWithTheLastStatusAndTrailers()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, context =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            context.Response.Headers["x-attempt"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "down");
        });
        using var channel = server.CreateChannel(FastRetries(maxAttempts: 3));
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var call = client.GetAsync(new TestRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(3, attempts);
        Assert.Equal("3", ex.Trailers.GetValue("x-attempt"));
        Assert.Equal("3", call.GetTrailers().GetValue("x-attempt"));
    }

    [Fact]
    public async Task HttpServiceUnavailableFromAProxyIsRetried()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, async context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.ReplyAsync(context, new TestReply { Index = attempts });
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        Assert.Equal(2, (await client.GetAsync(new TestRequest())).Index);
    }

    [Fact]
    public async Task ServerPushbackBelowZeroStopsRetries()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, context =>
        {
            Interlocked.Increment(ref attempts);
            context.Response.Headers["grpc-retry-pushback-ms"] = "-1";
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "do not retry");
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new TestRequest()));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ServerStreamIsNotRetriedOnceAMessageArrived()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ListMethod, async context =>
        {
            Interlocked.Increment(ref attempts);
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Index = 1 }));
            Wire.Trailers(context, (int)StatusCode.Unavailable, "lost the replica");
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.List(new TestRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ServerStreamIsRetriedWhenItFailsBeforeAnyMessage()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ListMethod, async context =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context, ("x-attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (attempt == 1)
            {
                Wire.Trailers(context, (int)StatusCode.Unavailable, "warming up");
                return;
            }
            for (var i = 0; i < 3; i++)
            {
                await Wire.WriteAsync(context, Wire.Frame(new TestReply { Index = i }));
            }
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.List(new TestRequest());
        var indexes = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(reply.Index);
        }

        Assert.Equal([0, 1, 2], indexes);
        Assert.Equal(2, attempts);
        Assert.Equal("2", (await call.ResponseHeadersAsync).GetValue("x-attempt"));
    }

    [Fact]
    public async Task RetriesNeverOutliveTheDeadline()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, context =>
        {
            Interlocked.Increment(ref attempts);
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "down");
        });
        using var channel = server.CreateChannel(new GrpcChannelOptions
        {
            Retry = new GrpcRetryOptions { MaxAttempts = 50, InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(5) },
        });
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var started = DateTime.UtcNow;
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new TestRequest(), deadline: DateTime.UtcNow.AddMilliseconds(400)));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(3));
        Assert.InRange(attempts, 1, 2);
    }

    [Fact]
    public async Task ConnectionFailureIsRetriedForIdempotentCalls()
    {
        // The first attempt goes to a closed port through a handler that then switches to the live server.
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.ReplyAsync(context, new TestReply { Text = "reached" });
        });
        var handler = new FlakyHandler(failures: 2);
        using var channel = server.CreateChannel(new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Retry = new GrpcRetryOptions { InitialBackoff = TimeSpan.FromMilliseconds(10) },
        });
        var client = new ClientTestService.ClientTestServiceClient(channel);

        Assert.Equal("reached", (await client.GetAsync(new TestRequest())).Text);
        Assert.Equal(3, handler.Sends);

        handler.Reset(failures: 1);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(1, handler.Sends);
    }

    [Fact]
    public async Task IdempotentClientStreamReplaysItsMessagesInTheNextAttempt()
    {
        var attempts = 0;
        var seen = new List<string>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.UploadIdempotentMethod, async context =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            var frames = await Wire.ReadAllFramesAsync(context.Request);
            var texts = string.Join(",", frames.Select(f => f.Parse(TestRequest.Parser).Text));
            lock (seen)
            {
                seen.Add(texts);
            }
            if (attempt == 1)
            {
                await Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "failover");
                return;
            }
            await Wire.ReplyAsync(context, new TestReply { Text = texts });
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.UploadIdempotent();
        foreach (var text in new[] { "one", "two", "three" })
        {
            await call.RequestStream.WriteAsync(new TestRequest { Text = text });
        }
        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal("one,two,three", reply.Text);
        Assert.Equal(2, attempts);
        Assert.Equal(["one,two,three", "one,two,three"], seen);
    }

    [Fact]
    public async Task IdempotentDuplexCommitsAtTheFirstResponseAndStreamsOn()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ChatIdempotentMethod, async context =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            if (attempt == 1)
            {
                await Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "failover");
                return;
            }
            await Wire.StartResponseAsync(context);
            while (await Wire.ReadFrameAsync(context.Request.BodyReader, context.RequestAborted) is { } frame)
            {
                await Wire.WriteAsync(context, Wire.Frame(new TestReply { Text = frame.Parse(TestRequest.Parser).Text, Index = attempt }));
            }
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel(FastRetries());
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.ChatIdempotent();
        await call.RequestStream.WriteAsync(new TestRequest { Text = "first" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(("first", 2), (call.ResponseStream.Current.Text, call.ResponseStream.Current.Index));
        await call.RequestStream.WriteAsync(new TestRequest { Text = "second" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("second", call.ResponseStream.Current.Text);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task RetriesCanBeTurnedOff()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, context =>
        {
            Interlocked.Increment(ref attempts);
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable);
        });
        using var channel = server.CreateChannel(new GrpcChannelOptions { Retry = null });
        var client = new ClientTestService.ClientTestServiceClient(channel);

        await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new TestRequest()));

        Assert.Equal(1, attempts);
    }

    /// <summary>Fails the first sends as a refused connection would, then passes requests on.</summary>
    private sealed class FlakyHandler : DelegatingHandler
    {
        private int _failures;
        private int _sends;

        public FlakyHandler(int failures)
            : base(new SocketsHttpHandler())
        {
            _failures = failures;
        }

        public int Sends => _sends;

        public void Reset(int failures)
        {
            _failures = failures;
            _sends = 0;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (simulated)");
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
