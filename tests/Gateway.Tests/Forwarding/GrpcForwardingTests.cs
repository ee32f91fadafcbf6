using System.Text;
using Microsoft.AspNetCore.Http;
using Gateway.Tests.Infrastructure;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.GrpcWire;

namespace Gateway.Tests.Forwarding;

public sealed class GrpcForwardingTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    [Fact]
    public async Task UnaryCallIsForwardedByteForByteWithTrailersAfterTheBody()
    {
        var requestPayload = RandomBytes(200_000, seed: 1);
        byte[][] responsePayloads = [RandomBytes(70_000, seed: 2), RandomBytes(3, seed: 3), []];
        var detailsBin = RandomBytes(40, seed: 4);
        byte[]? received = null;
        var backend = await BackendAsync(async context =>
        {
            received = await ReadBodyAsync(context);
            StartGrpcResponse(context);
            context.Response.Headers["x-backend"] = "raw";
            foreach (var payload in responsePayloads)
            {
                await WriteMessageAsync(context, payload);
            }
            SetStatusTrailers(context, 0, "all%20good");
            context.Response.AppendTrailer("x-checksum-bin", Convert.ToBase64String(detailsBin));
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Unary(EchoPath, requestPayload));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Frame(requestPayload), received);
        Assert.Equal(Frames(responsePayloads), body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("raw", Value(response.Headers, "x-backend"));
        Assert.Null(Value(response.Headers, "grpc-status"));
        Assert.Equal("0", Value(response.TrailingHeaders, "grpc-status"));
        Assert.Equal("all%20good", Value(response.TrailingHeaders, "grpc-message"));
        Assert.Equal(Convert.ToBase64String(detailsBin), Value(response.TrailingHeaders, "x-checksum-bin"));
    }

    [Fact]
    public async Task FramesReachTheClientAsHeadersDataAndTrailingHeaders()
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            await WriteMessageAsync(context, Encoding.UTF8.GetBytes("hello"));
            SetStatusTrailers(context, 0);
        });
        var gateway = EchoGateway(backend);

        var (frames, text) = await Nghttp.PostAsync(gateway.GrpcAddress, EchoPath, Frame([1, 2, 3]));

        Output.WriteLine(text);
        Assert.Equal("HEADERS", frames[0].Type);
        Assert.False(frames[0].EndStream);
        Assert.Contains(frames, f => f.Type == "DATA" && f.Length == 10);
        Assert.Equal("HEADERS", frames[^1].Type);
        Assert.True(frames[^1].EndStream);
        Assert.Contains("grpc-status: 0", text);
    }

    [Fact]
    public async Task TrailersOnlyReplyIsPassedThroughAsOneHeadersFrame()
    {
        var details = RandomBytes(25, seed: 9);
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            context.Response.Headers["grpc-status"] = "5";
            context.Response.Headers["grpc-message"] = "Country%20review%20AUT-2026%20not%20found";
            context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(details).TrimEnd('=');
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Unary(EchoPath, [7]));
        var body = await response.Content.ReadAsByteArrayAsync();
        var (frames, text) = await Nghttp.PostAsync(gateway.GrpcAddress, EchoPath, Frame([7]));

        Assert.Empty(body);
        Assert.Equal("5", Value(response.Headers, "grpc-status"));
        Assert.Equal("Country%20review%20AUT-2026%20not%20found", Value(response.Headers, "grpc-message"));
        Assert.Equal(Convert.ToBase64String(details).TrimEnd('='), Value(response.Headers, "grpc-status-details-bin"));
        Assert.Empty(response.TrailingHeaders);
        Output.WriteLine(text);
        var only = Assert.Single(frames);
        Assert.Equal("HEADERS", only.Type);
        Assert.True(only.EndStream);
    }

    [Fact]
    public async Task ServerStreamReachesTheClientBeforeTheBackendFinishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            await WriteMessageAsync(context, Encoding.UTF8.GetBytes("first"));
            await release.Task.WaitAsync(Patience, context.RequestAborted);
            await WriteMessageAsync(context, Encoding.UTF8.GetBytes("second"));
            SetStatusTrailers(context, 0);
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Unary(EchoPath, [1]));
        await using var stream = await response.Content.ReadAsStreamAsync();
        var first = await ReadMessageAsync(stream);
        Assert.Equal("first", Encoding.UTF8.GetString(first!));
        Assert.False(release.Task.IsCompleted);

        release.SetResult();
        Assert.Equal("second", Encoding.UTF8.GetString((await ReadMessageAsync(stream))!));
        Assert.Null(await ReadMessageAsync(stream));
        Assert.Equal("0", GrpcStatus(response));
    }

    [Fact]
    public async Task ResponseHeadersReachTheClientBeforeTheFirstMessage()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            context.Response.Headers["x-initial-metadata"] = "early";
            await SendHeadersAsync(context);
            await release.Task.WaitAsync(Patience, context.RequestAborted);
            await WriteMessageAsync(context, [42]);
            SetStatusTrailers(context, 0);
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Unary(EchoPath, [1]));

        Assert.Equal("early", Value(response.Headers, "x-initial-metadata"));
        Assert.False(release.Task.IsCompleted);
        release.SetResult();
        Assert.Equal(Frame([42]), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("0", GrpcStatus(response));
    }

    [Fact]
    public async Task DuplexCallFlowsMessageByMessageBothWays()
    {
        var backend = await BackendAsync(async context =>
        {
            StartGrpcResponse(context);
            await SendHeadersAsync(context);
            var count = 0;
            while (await ReadRequestMessageAsync(context) is { } message)
            {
                count++;
                await WriteMessageAsync(context, message.Reverse().ToArray());
            }
            SetStatusTrailers(context, 0);
            context.Response.AppendTrailer("x-count", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        var content = new StreamingContent();
        content.SendMessage([1, 2, 3]);
        using var response = await SendAsync(client, Request(EchoPath, content));
        await using var stream = await response.Content.ReadAsStreamAsync();

        // Each reply arrives while the client's stream is still open: nothing waits for the end.
        Assert.Equal(new byte[] { 3, 2, 1 }, await ReadMessageAsync(stream));
        content.SendMessage([4, 5]);
        Assert.Equal(new byte[] { 5, 4 }, await ReadMessageAsync(stream));
        content.SendMessage(RandomBytes(100_000, seed: 5));
        Assert.Equal(RandomBytes(100_000, seed: 5).Reverse().ToArray(), await ReadMessageAsync(stream));
        content.Complete();
        Assert.Null(await ReadMessageAsync(stream));
        Assert.Equal("0", GrpcStatus(response));
        Assert.Equal("3", Value(response.TrailingHeaders, "x-count"));
    }

    [Fact]
    public async Task ClientStreamIsForwardedAsItArrives()
    {
        var firstSeen = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = await BackendAsync(async context =>
        {
            var first = await ReadRequestMessageAsync(context);
            firstSeen.TrySetResult(first!);
            var total = first!.Length;
            while (await ReadRequestMessageAsync(context) is { } message)
            {
                total += message.Length;
            }
            StartGrpcResponse(context);
            await WriteMessageAsync(context, BitConverter.GetBytes(total));
            SetStatusTrailers(context, 0);
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        var content = new StreamingContent();
        var call = SendAsync(client, Request(EchoPath, content));
        content.SendMessage([9, 9, 9]);

        // The backend has the first message while the client has not finished its stream.
        Assert.Equal(new byte[] { 9, 9, 9 }, await firstSeen.Task.WaitAsync(Patience));
        content.SendMessage(new byte[10]);
        content.Complete();
        using var response = await call;
        Assert.Equal(Frame(BitConverter.GetBytes(13)), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("0", GrpcStatus(response));
    }

    [Fact]
    public async Task MetadataGrpcTimeoutAndTeTrailersReachTheBackendAndForwardedHeadersAreSet()
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            SetStatusTrailers(context, 0);
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        var request = Unary(EchoPath + "?probe=1", [1]);
        request.Headers.TryAddWithoutValidation("grpc-timeout", "4500m");
        request.Headers.TryAddWithoutValidation("x-request-id", "req-17");
        request.Headers.TryAddWithoutValidation("x-trace-bin", "AAECAw");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity,gzip");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");
        using var response = await SendAsync(client, request);
        await response.Content.ReadAsByteArrayAsync();

        var seen = backend.LastRequest;
        Assert.Equal("HTTP/2", seen.Protocol);
        Assert.Equal(EchoPath + "?probe=1", seen.Path);
        Assert.Equal("4500m", seen.Header("grpc-timeout"));
        Assert.Equal("trailers", seen.Header("te"));
        Assert.Equal("application/grpc", seen.Header("content-type"));
        Assert.Equal("req-17", seen.Header("x-request-id"));
        Assert.Equal("AAECAw", seen.Header("x-trace-bin"));
        Assert.Equal("identity,gzip", seen.Header("grpc-accept-encoding"));
        // The edge replaces what the client claims: the address is the one the gateway saw.
        Assert.Equal("127.0.0.1", seen.Header("x-forwarded-for"));
        Assert.Equal("http", seen.Header("x-forwarded-proto"));
        Assert.Equal($"127.0.0.1:{gateway.GrpcPort}", seen.Header("x-forwarded-host"));
        Assert.Equal($"{backend.Address.Host}:{backend.Address.Port}", seen.Header("host"));
    }
}
