using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

public sealed class UnaryCallTests
{
    [Fact]
    public async Task UnaryCallSendsOneFramedMessageWithTheGrpcHeadersAndReturnsTheReply()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            var frames = await Wire.ReadAllFramesAsync(context.Request);
            seen.SetResult(SeenRequest.Capture(context, frames));
            await Wire.ReplyAsync(context, new TestReply { Text = "hello " + frames[0].Parse(TestRequest.Parser).Text });
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var call = client.CreateAsync(new TestRequest { Text = "world" });
        var reply = await call;

        Assert.Equal("hello world", reply.Text);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        var request = await seen.Task;
        Assert.Equal("HTTP/2", request.Protocol);
        Assert.Equal("/reviewmechanism.testing.v1.ClientTestService/Create", request.Path);
        Assert.Equal("application/grpc", request.Header("content-type"));
        Assert.Equal("trailers", request.Header("te"));
        Assert.Contains("gzip", request.Header("grpc-accept-encoding"));
        Assert.StartsWith("grpc-", request.Header("user-agent"));
        Assert.Null(request.Header("grpc-timeout"));
        Assert.Null(request.Header("grpc-encoding"));
        var frame = Assert.Single(request.Frames);
        Assert.False(frame.Compressed);
        Assert.Equal("world", frame.Parse(TestRequest.Parser).Text);
    }

    [Fact]
    public async Task ResponseHeadersAndTrailersAreAvailableAsMetadata()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context, ("x-header", "first"));
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Text = "ok" }));
            Wire.Trailers(context, 0, null, ("x-trailer", "last"));
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var call = client.CreateAsync(new TestRequest());
        var headers = await call.ResponseHeadersAsync;
        await call;

        Assert.Equal("first", headers.GetValue("x-header"));
        Assert.Null(headers.GetValue("content-type"));
        Assert.Equal("last", call.GetTrailers().GetValue("x-trailer"));
        Assert.Null(call.GetTrailers().GetValue("grpc-status"));
    }

    [Fact]
    public async Task TrailersOnlyErrorSurfacesAsRpcExceptionWithStatusAndTrailers()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
        {
            context.Response.Headers["x-reason"] = "missing-review";
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.NotFound, "Country review 42 was not found");
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var call = client.CreateAsync(new TestRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Country review 42 was not found", ex.Status.Detail);
        Assert.Equal("missing-review", ex.Trailers.GetValue("x-reason"));
        Assert.Equal(StatusCode.NotFound, call.GetStatus().StatusCode);
        Assert.Equal("missing-review", call.GetTrailers().GetValue("x-reason"));
    }

    [Fact]
    public async Task ErrorStatusInTrailersAfterHeadersIsRaised()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            Wire.Trailers(context, (int)StatusCode.FailedPrecondition, "The review is closed");
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("The review is closed", ex.Status.Detail);
    }

    [Fact]
    public async Task PercentEncodedGrpcMessageIsDecoded()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
            Wire.TrailersOnlyAsync(context, (int)StatusCode.InvalidArgument, "caf%C3%A9 100%25 %E2%9C%93%09 %zz"));
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        // Valid escapes are decoded as UTF-8; a broken one is kept as it is.
        Assert.Equal("café 100% ✓\t %zz", ex.Status.Detail);
    }

    [Fact]
    public async Task MissingGrpcStatusIsUnknown()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            await Wire.WriteAsync(context, Wire.Frame(new TestReply { Text = "no status follows" }));
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Contains("grpc-status", ex.Status.Detail);
    }

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(418, StatusCode.Unknown)]
    public async Task NonGrpcHttpErrorMapsToTheStatusOfTheHttpMappingTable(int httpStatus, StatusCode expected)
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            context.Response.StatusCode = httpStatus;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>proxy error</html>");
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail);
    }

    [Fact]
    public async Task GrpcStatusWinsOverTheHttpStatusWhenBothAreSent()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
        {
            context.Response.StatusCode = 503;
            return Wire.TrailersOnlyAsync(context, (int)StatusCode.ResourceExhausted, "quota");
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task WrongContentTypeIsInternal()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("application/json", ex.Status.Detail);
    }

    [Fact]
    public async Task OkWithoutAResponseMessageIsACardinalityViolation()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
            Wire.TrailersOnlyAsync(context, 0));
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task TwoResponseMessagesForAUnaryCallAreACardinalityViolation()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            await Wire.WriteAsync(context, [.. Wire.Frame(new TestReply { Index = 1 }), .. Wire.Frame(new TestReply { Index = 2 })]);
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task MessageSplitAcrossManyWritesIsReassembled()
    {
        var reply = new TestReply { Text = "split", Payload = Google.Protobuf.ByteString.CopyFrom(Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray()) };
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            var bytes = Wire.Frame(reply);
            // Header split after 1 and 3 bytes, then the body in uneven pieces: each flush is its own DATA frame.
            var cuts = new[] { 0, 1, 3, 5, 6, 700, 701, 2048, bytes.Length };
            for (var i = 0; i + 1 < cuts.Length; i++)
            {
                await Wire.WriteAsync(context, bytes[cuts[i]..cuts[i + 1]]);
                await Task.Delay(5);
            }
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var received = await client.CreateAsync(new TestRequest());

        Assert.Equal(reply, received);
    }

    [Fact]
    public async Task ResponseEndingInsideAMessageIsInternal()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            await Wire.ReadAllFramesAsync(context.Request);
            await Wire.StartResponseAsync(context);
            var bytes = Wire.Frame(new TestReply { Text = "truncated message" });
            await Wire.WriteAsync(context, bytes[..^4]);
            Wire.Trailers(context, 0);
        });
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateAsync(new TestRequest()));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }
}
