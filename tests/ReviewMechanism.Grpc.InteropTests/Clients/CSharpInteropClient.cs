using Google.Protobuf;
using Grpc.Testing;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests.Clients;

/// <summary>
/// The interop client cases written with this library's client, as the gRPC interop test
/// descriptions define them. Like grpc-dotnet's, the client does not show the per-message
/// compressed flag of responses (the descriptions allow that), so server_compressed_* check the
/// answers only; request compression is per call, turned off per message with WriteOptions.
/// </summary>
public sealed class CSharpInteropClient(TestService.TestServiceClient client, UnimplementedService.UnimplementedServiceClient unimplemented)
{
    private const string SpecialStatusMessage = "\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \U0001F608\t\n";
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoInitialValue = "test_initial_metadata_value";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    private static readonly byte[] EchoTrailingValue = [0xab, 0xab, 0xab];
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);

    public Task RunAsync(string testCase) => testCase switch
    {
        "empty_unary" => EmptyUnary(),
        "large_unary" => LargeUnary(),
        "client_compressed_unary" => ClientCompressedUnary(),
        "server_compressed_unary" => ServerCompressedUnary(),
        "client_streaming" => ClientStreaming(),
        "client_compressed_streaming" => ClientCompressedStreaming(),
        "server_streaming" => ServerStreaming(),
        "server_compressed_streaming" => ServerCompressedStreaming(),
        "ping_pong" => PingPong(),
        "empty_stream" => EmptyStream(),
        "cancel_after_begin" => CancelAfterBegin(),
        "cancel_after_first_response" => CancelAfterFirstResponse(),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServer(),
        "custom_metadata" => CustomMetadata(),
        "status_code_and_message" => StatusCodeAndMessage(),
        "special_status_message" => SpecialStatus(),
        "unimplemented_method" => UnimplementedMethod(),
        "unimplemented_service" => UnimplementedService(),
        _ => throw new ArgumentException($"Unknown interop case '{testCase}'.", nameof(testCase)),
    };

    private static CallOptions Options(Metadata? headers = null, string? compression = null, CancellationToken cancellationToken = default) =>
        new(headers, DateTime.UtcNow + CallLimit, cancellationToken, compression);

    private static Payload Zeros(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static SimpleRequest LargeRequest() => new() { ResponseSize = 314159, Payload = Zeros(271828) };

    private static void AssertZeros(Payload? payload, int size, string what)
    {
        Assert.True(payload is not null, $"{what}: the response has no payload.");
        Assert.True(payload.Body.Length == size, $"{what}: payload body is {payload.Body.Length} bytes, expected {size}.");
        Assert.True(payload.Body.Span.IndexOfAnyExcept((byte)0) < 0, $"{what}: payload body is not all zeros.");
    }

    private static async Task<RpcException> AssertFailsWith(StatusCode code, Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (RpcException error)
        {
            Assert.True(error.StatusCode == code, $"{what}: status {error.StatusCode} ({error.Status.Detail}), expected {code}.");
            return error;
        }
        throw new Xunit.Sdk.XunitException($"{what}: the call succeeded, expected status {code}.");
    }

    private async Task EmptyUnary()
    {
        var response = await client.EmptyCallAsync(new Empty(), Options());
        Assert.NotNull(response);
    }

    private async Task LargeUnary()
    {
        var response = await client.UnaryCallAsync(LargeRequest(), Options());
        AssertZeros(response.Payload, 314159, "UnaryCall");
    }

    private async Task ClientCompressedUnary()
    {
        var probe = LargeRequest();
        probe.ExpectCompressed = new BoolValue { Value = true };
        await AssertFailsWith(StatusCode.InvalidArgument, () => client.UnaryCallAsync(probe, Options()).ResponseAsync, "probe (uncompressed, expect_compressed=true)");

        var compressed = LargeRequest();
        compressed.ExpectCompressed = new BoolValue { Value = true };
        AssertZeros((await client.UnaryCallAsync(compressed, Options(compression: "gzip"))).Payload, 314159, "compressed request");

        var plain = LargeRequest();
        plain.ExpectCompressed = new BoolValue { Value = false };
        AssertZeros((await client.UnaryCallAsync(plain, Options())).Payload, 314159, "uncompressed request");
    }

    private async Task ServerCompressedUnary()
    {
        foreach (var compressed in new[] { true, false })
        {
            var request = LargeRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            AssertZeros((await client.UnaryCallAsync(request, Options())).Payload, 314159, $"UnaryCall with response_compressed={compressed}");
        }
    }

    private async Task ClientStreaming()
    {
        using var call = client.StreamingInputCall(Options());
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Zeros(size) });
        }
        await call.RequestStream.CompleteAsync();
        Assert.Equal(74922, (await call.ResponseAsync).AggregatedPayloadSize);
    }

    private async Task ClientCompressedStreaming()
    {
        await AssertFailsWith(StatusCode.InvalidArgument, async () =>
        {
            using var probe = client.StreamingInputCall(Options());
            await probe.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Zeros(27182) });
            await probe.RequestStream.CompleteAsync();
            await probe.ResponseAsync;
        }, "probe (uncompressed, expect_compressed=true)");

        using var call = client.StreamingInputCall(Options(compression: "gzip"));
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = true }, Payload = Zeros(27182) });
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { ExpectCompressed = new BoolValue { Value = false }, Payload = Zeros(45904) });
        await call.RequestStream.CompleteAsync();
        Assert.Equal(73086, (await call.ResponseAsync).AggregatedPayloadSize);
    }

    private async Task ServerStreaming()
    {
        int[] sizes = [31415, 9, 2653, 58979];
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(sizes.Select(size => new ResponseParameters { Size = size }));
        using var call = client.StreamingOutputCall(request, Options());
        var responses = await ReadAll(call.ResponseStream);
        Assert.Equal(sizes.Length, responses.Count);
        for (var i = 0; i < sizes.Length; i++)
        {
            AssertZeros(responses[i].Payload, sizes[i], $"StreamingOutputCall response {i + 1}");
        }
    }

    private async Task ServerCompressedStreaming()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Compressed = new BoolValue { Value = true }, Size = 31415 });
        request.ResponseParameters.Add(new ResponseParameters { Compressed = new BoolValue { Value = false }, Size = 92653 });
        using var call = client.StreamingOutputCall(request, Options());
        var responses = await ReadAll(call.ResponseStream);
        Assert.Equal(2, responses.Count);
        AssertZeros(responses[0].Payload, 31415, "StreamingOutputCall response 1");
        AssertZeros(responses[1].Payload, 92653, "StreamingOutputCall response 2");
    }

    private async Task PingPong()
    {
        (int Response, int Request)[] steps = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)];
        using var call = client.FullDuplexCall(Options());
        for (var i = 0; i < steps.Length; i++)
        {
            var request = new StreamingOutputCallRequest { Payload = Zeros(steps[i].Request) };
            request.ResponseParameters.Add(new ResponseParameters { Size = steps[i].Response });
            await call.RequestStream.WriteAsync(request);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), $"FullDuplexCall: the stream ended after {i} responses, expected 4.");
            AssertZeros(call.ResponseStream.Current.Payload, steps[i].Response, $"FullDuplexCall response {i + 1}");
        }
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: more than 4 responses.");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task EmptyStream()
    {
        using var call = client.FullDuplexCall(Options());
        await call.RequestStream.CompleteAsync();
        Assert.Empty(await ReadAll(call.ResponseStream));
    }

    private async Task CancelAfterBegin()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.StreamingInputCall(Options(cancellationToken: cancellation.Token));
        cancellation.Cancel();
        await AssertFailsWith(StatusCode.Cancelled, () => call.ResponseAsync, "StreamingInputCall cancelled after begin");
    }

    private async Task CancelAfterFirstResponse()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.FullDuplexCall(Options(cancellationToken: cancellation.Token));
        var request = new StreamingOutputCallRequest { Payload = Zeros(27182) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 31415 });
        await call.RequestStream.WriteAsync(request);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall: the stream ended before the first response.");
        AssertZeros(call.ResponseStream.Current.Payload, 31415, "FullDuplexCall first response");
        cancellation.Cancel();
        await AssertFailsWith(StatusCode.Cancelled, () => call.ResponseStream.MoveNext(CancellationToken.None), "FullDuplexCall after cancel");
    }

    private async Task TimeoutOnSleepingServer()
    {
        await AssertFailsWith(StatusCode.DeadlineExceeded, async () =>
        {
            using var call = client.FullDuplexCall(new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(1)));
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Zeros(27182) });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }, "FullDuplexCall with a 1 ms deadline");
    }

    private async Task CustomMetadata()
    {
        using (var call = client.UnaryCallAsync(LargeRequest(), Options(EchoHeaders())))
        {
            AssertZeros((await call.ResponseAsync).Payload, 314159, "UnaryCall");
            AssertEchoed(await call.ResponseHeadersAsync, call.GetTrailers(), "UnaryCall");
        }

        using var duplex = client.FullDuplexCall(Options(EchoHeaders()));
        var request = new StreamingOutputCallRequest { Payload = Zeros(271828) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 314159 });
        await duplex.RequestStream.WriteAsync(request);
        await duplex.RequestStream.CompleteAsync();
        var responses = await ReadAll(duplex.ResponseStream);
        Assert.Single(responses);
        AssertZeros(responses[0].Payload, 314159, "FullDuplexCall");
        AssertEchoed(await duplex.ResponseHeadersAsync, duplex.GetTrailers(), "FullDuplexCall");
    }

    private static Metadata EchoHeaders() => new()
    {
        { EchoInitialKey, EchoInitialValue },
        { EchoTrailingKey, EchoTrailingValue },
    };

    private static void AssertEchoed(Metadata headers, Metadata trailers, string what)
    {
        var initial = headers.GetAll(EchoInitialKey).Select(e => e.Value).ToList();
        Assert.True(initial.SequenceEqual([EchoInitialValue]), $"{what}: response headers {EchoInitialKey} = [{string.Join(", ", initial)}], expected [{EchoInitialValue}].");
        var trailing = trailers.GetAll(EchoTrailingKey).Select(e => Convert.ToHexString(e.ValueBytes)).ToList();
        Assert.True(trailing.SequenceEqual(["ABABAB"]), $"{what}: trailers {EchoTrailingKey} = [{string.Join(", ", trailing)}], expected [ABABAB].");
    }

    private async Task StatusCodeAndMessage()
    {
        const string Message = "test status message";
        var status = new EchoStatus { Code = 2, Message = Message };
        var unaryError = await AssertFailsWith(StatusCode.Unknown, () => client.UnaryCallAsync(new SimpleRequest { ResponseStatus = status }, Options()).ResponseAsync, "UnaryCall");
        Assert.Equal(Message, unaryError.Status.Detail);

        var duplexError = await AssertFailsWith(StatusCode.Unknown, async () =>
        {
            using var call = client.FullDuplexCall(Options());
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
            await call.RequestStream.CompleteAsync();
            await ReadAll(call.ResponseStream);
        }, "FullDuplexCall");
        Assert.Equal(Message, duplexError.Status.Detail);
    }

    private async Task SpecialStatus()
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = SpecialStatusMessage } };
        var error = await AssertFailsWith(StatusCode.Unknown, () => client.UnaryCallAsync(request, Options()).ResponseAsync, "UnaryCall");
        Assert.Equal(SpecialStatusMessage, error.Status.Detail);
    }

    private Task UnimplementedMethod() =>
        AssertFailsWith(StatusCode.Unimplemented, () => client.UnimplementedCallAsync(new Empty(), Options()).ResponseAsync, "TestService/UnimplementedCall");

    private Task UnimplementedService() =>
        AssertFailsWith(StatusCode.Unimplemented, () => unimplemented.UnimplementedCallAsync(new Empty(), Options()).ResponseAsync, "UnimplementedService/UnimplementedCall");

    private static async Task<List<T>> ReadAll<T>(IAsyncStreamReader<T> reader)
    {
        var items = new List<T>();
        await foreach (var item in reader.ReadAllAsync())
        {
            items.Add(item);
        }
        return items;
    }
}
