using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Grpc.Protocol;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

public sealed class DeadlineAndCancellationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>An endpoint that never answers and reports when its request is aborted (RST_STREAM).</summary>
    private static RequestDelegate Sleeping(TaskCompletionSource<string?> started, TaskCompletionSource aborted) => async context =>
    {
        started.TrySetResult(context.Request.Headers[GrpcHeaders.Timeout].FirstOrDefault());
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            aborted.TrySetResult();
        }
    };

    [Fact]
    public async Task DeadlineIsSentAsGrpcTimeoutAndEndsTheCallWithDeadlineExceeded()
    {
        var started = new TaskCompletionSource<string?>();
        var aborted = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, Sleeping(started, aborted));
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var call = client.CreateAsync(new TestRequest(), deadline: DateTime.UtcNow.AddMilliseconds(300));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Patience));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        Assert.True(GrpcTimeout.TryParse(await started.Task, out var timeout));
        Assert.InRange(timeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(300));
        // The client reset the stream: the server saw the request aborted.
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task DeadlineExceededEndsAServerStreamInTheMiddle()
    {
        var aborted = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.SubscribeMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Index = 1 }));
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Subscribe(new TestRequest(), deadline: DateTime.UtcNow.AddMilliseconds(300));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Patience));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task DeadlineInThePastFailsAtOnceWithoutCallingTheServer()
    {
        var calls = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
        {
            Interlocked.Increment(ref calls);
            return Wire.TrailersOnlyAsync(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task CancellationTokenEndsTheCallWithCancelledAndResetsTheStream()
    {
        var started = new TaskCompletionSource<string?>();
        var aborted = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, Sleeping(started, aborted));
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);
        using var cts = new CancellationTokenSource();

        var call = client.CreateAsync(new TestRequest(), cancellationToken: cts.Token);
        Assert.Null(await started.Task.WaitAsync(Patience));
        cts.Cancel();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Patience));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task DisposingAStreamingCallCancelsItAndResetsTheStream()
    {
        var started = new TaskCompletionSource<string?>();
        var aborted = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ChatMethod, async context =>
        {
            await Wire.StartResponseAsync(context);
            await Sleeping(started, aborted)(context);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var call = client.Chat();
        await call.RequestStream.WriteAsync(new TestRequest { Text = "hello" });
        await started.Task.WaitAsync(Patience);
        var read = call.ResponseStream.MoveNext(CancellationToken.None);
        call.Dispose();

        var ex = await Assert.ThrowsAsync<RpcException>(() => read.WaitAsync(Patience));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        await aborted.Task.WaitAsync(Patience);
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new TestRequest()));
        Assert.Equal(StatusCode.Cancelled, write.StatusCode);
    }

    [Fact]
    public async Task CancellingMoveNextCancelsTheCall()
    {
        var started = new TaskCompletionSource<string?>();
        var aborted = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.SubscribeMethod, async context =>
        {
            await Wire.StartResponseAsync(context);
            await Sleeping(started, aborted)(context);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);
        using var cts = new CancellationTokenSource();

        using var call = client.Subscribe(new TestRequest());
        await started.Task.WaitAsync(Patience);
        var read = call.ResponseStream.MoveNext(cts.Token);
        cts.Cancel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => read.WaitAsync(Patience));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task AlreadyCancelledTokenFailsAtOnce()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context => Wire.TrailersOnlyAsync(context, 0));
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest(), cancellationToken: new CancellationToken(true)));

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
    }

    [Fact]
    public async Task DuplexDeadlineFailsPendingWritesAndReads()
    {
        var started = new TaskCompletionSource<string?>();
        var aborted = new TaskCompletionSource();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.ChatMethod, async context =>
        {
            await Wire.StartResponseAsync(context);
            await Sleeping(started, aborted)(context);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var call = client.Chat(deadline: DateTime.UtcNow.AddMilliseconds(300));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Patience));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        var write = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new TestRequest()));
        Assert.Equal(StatusCode.DeadlineExceeded, write.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task ConnectionRefusedIsUnavailable()
    {
        Uri address;
        await using (var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context => Wire.TrailersOnlyAsync(context, 0)))
        {
            address = server.Address;
        }
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Retry = null });
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        await Assert.ThrowsAsync<RpcException>(() => client.CreateAsync(new TestRequest()).ResponseHeadersAsync);
    }
}
