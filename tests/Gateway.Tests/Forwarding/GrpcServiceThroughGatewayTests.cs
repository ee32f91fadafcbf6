using Gateway.Tests.Infrastructure;
using Gateway.Tests.Services;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Testing;
using Xunit.Abstractions;

namespace Gateway.Tests.Forwarding;

/// <summary>
/// grpc-dotnet's client (Grpc.Net.Client) and server (Grpc.AspNetCore) with the gateway (YARP, token required)
/// between them: what a partner system sees end to end. YARP's own forwarding is YARP's to test; these show
/// that the gateway keeps what gRPC needs: metadata and trailers, statuses with rich details, every kind of
/// stream, big messages, deadlines and cancellation.
/// </summary>
public sealed class GrpcServiceThroughGatewayTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    private GrpcServiceBackend _service = null!;

    private async Task<(GatewayHost Gateway, TestService.TestServiceClient Client, GrpcChannel Channel)> StartAsync(int serviceMaxReceiveMessageSize = 16 * 1024 * 1024)
    {
        var service = _service = Track(await GrpcServiceBackend.StartAsync(Output, serviceMaxReceiveMessageSize));
        var gateway = Gateway(new ProxySettings()
            .Route("interop", "/grpc.testing.TestService/{**rest}", "interop", authorizationPolicy: "default")
            .GrpcCluster("interop", [service.Address.ToString()]));
        var channel = GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 16 * 1024 * 1024,
            MaxSendMessageSize = 16 * 1024 * 1024,
        });
        return (gateway, new TestService.TestServiceClient(channel), channel);
    }

    private Metadata Authorized(params Metadata.Entry[] entries)
    {
        var metadata = new Metadata { { "authorization", $"Bearer {Issuer.Token()}" } };
        foreach (var entry in entries)
        {
            metadata.Add(entry);
        }
        return metadata;
    }

    [Fact]
    public async Task UnaryCallKeepsMetadataStatusAndTrailers()
    {
        var (gateway, client, channel) = await StartAsync();
        using var _ = channel;
        var trailing = new byte[] { 0xAB, 0xAB, 0xAB, 0x00, 0xFF };

        using var call = client.UnaryCallAsync(new SimpleRequest { ResponseSize = 31_415, Payload = new Payload { Body = ByteString.CopyFrom(new byte[27_182]) } },
            new CallOptions(Authorized(new Metadata.Entry(InteropTestService.EchoInitial, "test_initial_metadata_value"), new Metadata.Entry(InteropTestService.EchoTrailing, trailing))));
        var response = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal(31_415, response.Payload.Body.Length);
        Assert.StartsWith("bearer:", response.Username);
        Assert.Equal($"127.0.0.1:{gateway.GrpcPort}", response.Hostname);
        Assert.Equal("test_initial_metadata_value", headers.GetValue(InteropTestService.EchoInitial));
        Assert.Equal(trailing, call.GetTrailers().GetValueBytes(InteropTestService.EchoTrailing));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ErrorStatusKeepsItsMessageAndRichDetails()
    {
        var (_, client, channel) = await StartAsync();
        using var _ = channel;

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(
            new SimpleRequest { ResponseStatus = new EchoStatus { Code = 9, Message = "Stage is Drafting: café ✓" } },
            new CallOptions(Authorized())).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Stage is Drafting: café ✓", error.Status.Detail);
        Assert.Equal("ASKED_FOR", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.Equal(9, error.GetRpcStatus()!.Code);
    }

    [Fact]
    public async Task ServerClientAndDuplexStreamsWork()
    {
        var (_, client, channel) = await StartAsync();
        using var _ = channel;
        var options = new CallOptions(Authorized());

        var request = new StreamingOutputCallRequest();
        foreach (var size in new[] { 31_415, 9, 2_653, 58_979 })
        {
            request.ResponseParameters.Add(new ResponseParameters { Size = size, IntervalUs = 20_000 });
        }
        using (var serverStream = client.StreamingOutputCall(request, options))
        {
            var sizes = new List<int>();
            await foreach (var reply in serverStream.ResponseStream.ReadAllAsync())
            {
                sizes.Add(reply.Payload.Body.Length);
            }
            Assert.Equal([31_415, 9, 2_653, 58_979], sizes);
            Assert.Equal(StatusCode.OK, serverStream.GetStatus().StatusCode);
        }

        using (var clientStream = client.StreamingInputCall(options))
        {
            foreach (var size in new[] { 27_182, 8, 1_828, 45_904 })
            {
                await clientStream.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[size]) } });
            }
            await clientStream.RequestStream.CompleteAsync();
            Assert.Equal(74_922, (await clientStream.ResponseAsync).AggregatedPayloadSize);
        }

        using var duplex = client.FullDuplexCall(options);
        foreach (var size in new[] { 31_415, 9, 2_653, 58_979 })
        {
            var ping = new StreamingOutputCallRequest();
            ping.ResponseParameters.Add(new ResponseParameters { Size = size });
            await duplex.RequestStream.WriteAsync(ping);
            Assert.True(await duplex.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ProxyWire.Patience));
            Assert.Equal(size, duplex.ResponseStream.Current.Payload.Body.Length);
        }
        await duplex.RequestStream.CompleteAsync();
        Assert.False(await duplex.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, duplex.GetStatus().StatusCode);
    }

    [Fact]
    public async Task DeadlineTravelsAsGrpcTimeoutAndEndsTheCall()
    {
        var (_, client, channel) = await StartAsync();
        using var _ = channel;
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 1, IntervalUs = 5_000_000 });

        using var call = client.StreamingOutputCall(request, new CallOptions(Authorized(), deadline: DateTime.UtcNow.AddMilliseconds(400)));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ProxyWire.Patience));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task BigMessagesPassBothWays()
    {
        var (_, client, channel) = await StartAsync();
        using var _ = channel;
        var body = ByteString.CopyFrom(ProxyWire.RandomBytes(8 * 1024 * 1024, seed: 3));

        var reply = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 9 * 1024 * 1024, Payload = new Payload { Body = body } },
            new CallOptions(Authorized())).ResponseAsync.WaitAsync(ProxyWire.Patience);

        Assert.Equal(9 * 1024 * 1024, reply.Payload.Body.Length);
    }

    [Fact]
    public async Task AMessageOverTheServicesLimitIsRefusedWithResourceExhaustedThroughTheGateway()
    {
        var (_, client, channel) = await StartAsync(serviceMaxReceiveMessageSize: 1024);
        using var _ = channel;

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(
            new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[2000]) } },
            new CallOptions(Authorized())).ResponseAsync.WaitAsync(ProxyWire.Patience));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("maximum", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ManySmallMessagesPassTheServicesPerMessageLimitWhateverTheirTotal()
    {
        var (_, client, channel) = await StartAsync(serviceMaxReceiveMessageSize: 1024);
        using var _ = channel;

        using var call = client.StreamingInputCall(new CallOptions(Authorized()));
        for (var i = 0; i < 100; i++)
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = new Payload { Body = ByteString.CopyFrom(ProxyWire.RandomBytes(1000, seed: i)) } });
        }
        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync.WaitAsync(ProxyWire.Patience);

        Assert.Equal(100_000, reply.AggregatedPayloadSize);
    }

    [Fact]
    public async Task ClientCancellationEndsTheCallAtTheService()
    {
        var (gateway, client, channel) = await StartAsync();
        using var _ = channel;
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 1 });
        request.ResponseParameters.Add(new ResponseParameters { Size = 1, IntervalUs = 30_000_000 });
        using var cancel = new CancellationTokenSource();

        using var call = client.StreamingOutputCall(request, new CallOptions(Authorized(), cancellationToken: cancel.Token));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ProxyWire.Patience));
        cancel.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(ProxyWire.Patience));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        // The service's call was cancelled too (it was waiting 30 s to send its second message).
        await _service.Calls.Cancelled.Task.WaitAsync(ProxyWire.Patience);
        Assert.True(gateway.Proxy.TryGetCluster("interop", out var cluster));
        await FailureTests.WaitUntilAsync(() => cluster.Destinations.Values.All(d => d.ConcurrentRequestCount == 0));
    }

    [Fact]
    public async Task MissingTokenIsUnauthenticatedForGrpcDotnetsClient()
    {
        var (_, client, channel) = await StartAsync();
        using var _ = channel;

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EmptyCallAsync(new Grpc.Testing.Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
