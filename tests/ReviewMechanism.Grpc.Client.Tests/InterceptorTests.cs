using Microsoft.AspNetCore.Builder;
using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Grpc.Interceptors;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

public sealed class InterceptorTests
{
    [Fact]
    public async Task InterceptorsRunOutermostFirstForEveryKindOfCall()
    {
        var seen = new List<string>();
        await using var server = await RawGrpcServer.StartAsync(endpoints =>
        {
            foreach (var method in new IMethod[] { ClientTestService.CreateMethod, ClientTestService.SubscribeMethod, ClientTestService.UploadMethod, ClientTestService.ChatMethod })
            {
                endpoints.MapPost(method.FullName, async context =>
                {
                    lock (seen)
                    {
                        seen.Add(context.Request.Path + " " + context.Request.Headers["x-order"]);
                    }
                    await Wire.ReadAllFramesAsync(context.Request);
                    await Wire.ReplyAsync(context, new TestReply());
                });
            }
        });
        using var channel = server.CreateChannel();
        var outer = new HeaderInterceptor("x-order", "outer");
        var inner = new HeaderInterceptor("x-order", "inner");
        var client = new ClientTestService.ClientTestServiceClient(channel.CreateCallInvoker().Intercept(outer, inner));

        await client.CreateAsync(new TestRequest());
        using (var stream = client.Subscribe(new TestRequest()))
        {
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        }
        using (var upload = client.Upload())
        {
            await upload.RequestStream.CompleteAsync();
            await upload;
        }
        using (var chat = client.Chat())
        {
            await chat.RequestStream.CompleteAsync();
            Assert.True(await chat.ResponseStream.MoveNext(CancellationToken.None));
        }

        // Repeated headers travel as one field, values joined with ',' (HTTP semantics, allowed by the gRPC protocol).
        Assert.All(seen, line => Assert.Equal(["outer", "inner"], line.Split(' ', 2)[1].Split(',', StringSplitOptions.TrimEntries)));
        Assert.Equal(4, seen.Count);
        Assert.Equal(4, outer.Seen.Count);
        Assert.Equal(outer.Seen, inner.Seen);
    }

    [Fact]
    public async Task MetadataFunctionInterceptorAddsHeaders()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            seen.SetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.ReplyAsync(context, new TestReply());
        });
        using var channel = server.CreateChannel();
        var invoker = channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("x-party", "MEX");
            return metadata;
        });

        await new ClientTestService.ClientTestServiceClient(invoker).CreateAsync(new TestRequest());

        Assert.Equal("MEX", (await seen.Task).Header("x-party"));
    }

    [Fact]
    public async Task ChannelCallCredentialsAreAppliedWhenAllowed()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            seen.SetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.ReplyAsync(context, new TestReply());
        });
        var options = new GrpcChannelOptions { UnsafeUseInsecureChannelCallCredentials = true };
        options.CallCredentials.Add(CallCredentials.FromInterceptor(async (context, metadata) =>
        {
            await Task.Yield();
            metadata.Add("authorization", "Bearer " + context.ServiceUrl);
        }));
        using var channel = server.CreateChannel(options);

        await new ClientTestService.ClientTestServiceClient(channel).CreateAsync(new TestRequest());

        Assert.Equal("Bearer " + server.Address.ToString().TrimEnd('/') + "/reviewmechanism.testing.v1.ClientTestService", (await seen.Task).Header("authorization"));
    }

    [Fact]
    public async Task DisposedChannelRefusesNewCalls()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context => Wire.TrailersOnlyAsync(context, 0));
        var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);
        channel.Dispose();

        Assert.Throws<ObjectDisposedException>(() => client.CreateAsync(new TestRequest()));
    }
}
