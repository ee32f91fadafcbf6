using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Authorization;

namespace ReviewMechanism.Grpc.InteropTests.Service;

/// <summary>
/// grpc.testing.TestService as the gRPC interop test descriptions define its server features:
/// payloads of the requested sizes, Echo Status, Echo Metadata, CompressedRequest
/// (<c>expect_compressed</c>), CompressedResponse (<c>response_compressed</c>, per-message
/// <c>compressed</c>) and <c>interval_us</c>. A call without a deadline-free end (the 1 ms
/// <c>timeout_on_sleeping_server</c> call never half-closes) waits on the request stream until the
/// server cancels it.
/// </summary>
[AllowAnonymous]
public sealed class InteropTestService : TestService.TestServiceBase
{
    public override async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        await EchoMetadata.BeginAsync(context);
        return new Empty();
    }

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadata.BeginAsync(context);
        RequestCompression.EnsureAsExpected(request.ExpectCompressed, context);
        EchoedStatus.ThrowIfRequested(request.ResponseStatus);
        Payloads.EnsureSupported(request.ResponseType);
        ResponseCompression.Apply(request.ResponseCompressed, context);
        return new SimpleResponse { Payload = Payloads.Zeros(request.ResponseSize) };
    }

    public override async Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadata.BeginAsync(context, new Metadata { { "cache-control", "max-age=60, public" } });
        var now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        return new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFromUtf8(now.ToString(System.Globalization.CultureInfo.InvariantCulture)) } };
    }

    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadata.BeginAsync(context);
        EchoedStatus.ThrowIfRequested(request.ResponseStatus);
        Payloads.EnsureSupported(request.ResponseType);
        await WriteResponsesAsync(request, responseStream, context);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        await EchoMetadata.BeginAsync(context);
        var total = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            RequestCompression.EnsureAsExpected(request.ExpectCompressed, context);
            total += request.Payload?.Body.Length ?? 0;
        }
        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadata.BeginAsync(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            EchoedStatus.ThrowIfRequested(request.ResponseStatus);
            Payloads.EnsureSupported(request.ResponseType);
            await WriteResponsesAsync(request, responseStream, context);
        }
    }

    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadata.BeginAsync(context);
        var received = new List<StreamingOutputCallRequest>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            EchoedStatus.ThrowIfRequested(request.ResponseStatus);
            Payloads.EnsureSupported(request.ResponseType);
            received.Add(request);
        }
        foreach (var request in received)
        {
            await WriteResponsesAsync(request, responseStream, context);
        }
    }

    /// <summary>Declared by the interop proto so that clients can check UNIMPLEMENTED; never implemented.</summary>
    public override Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "grpc.testing.TestService/UnimplementedCall is not implemented, by design of the interop tests."));

    /// <summary>One response per ResponseParameters, each after its interval_us, compressed as asked.</summary>
    private static async Task WriteResponsesAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }
            ResponseCompression.Apply(parameters.Compressed, context);
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payloads.Zeros(parameters.Size) }, context.CancellationToken);
        }
    }
}
