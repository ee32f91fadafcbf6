using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Testing;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Tests.Services;

/// <summary>
/// grpc.testing.TestService on Grpc.AspNetCore, behind the gateway: payloads of the asked
/// sizes, streams paced by interval_us, statuses (with google.rpc details) on request, initial and
/// trailing metadata echoed (x-grpc-test-echo-initial, x-grpc-test-echo-trailing-bin), and whether
/// the caller's bearer token reached it (SimpleResponse.username).
/// </summary>
[AllowAnonymous]
public sealed class InteropTestService(ServiceCalls calls) : TestService.TestServiceBase
{
    public const string EchoInitial = "x-grpc-test-echo-initial";
    public const string EchoTrailing = "x-grpc-test-echo-trailing-bin";

    public override Task<Grpc.Testing.Empty> EmptyCall(Grpc.Testing.Empty request, ServerCallContext context) => Task.FromResult(new Grpc.Testing.Empty());

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        ThrowIfAsked(request.ResponseStatus);
        var authorization = context.RequestHeaders.GetValue("authorization");
        return new SimpleResponse
        {
            Payload = Payload(request.ResponseSize),
            Username = authorization is null ? "" : "bearer:" + authorization.Length,
            Hostname = context.GetHttpContext().Request.Headers["x-forwarded-host"].ToString(),
        };
    }

    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context) => UnaryCall(request, context);

    public override async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
                }
                catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
                {
                    calls.Cancelled.TrySetResult();
                    throw;
                }
            }
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameters.Size) });
        }
        ThrowIfAsked(request.ResponseStatus);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        var total = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            total += requestStream.Current.Payload?.Body.Length ?? 0;
        }
        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            ThrowIfAsked(request.ResponseStatus);
            foreach (var parameters in request.ResponseParameters)
            {
                await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameters.Size) });
            }
        }
    }

    public override async Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            requests.Add(requestStream.Current);
        }
        foreach (var parameters in requests.SelectMany(r => r.ResponseParameters))
        {
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameters.Size) });
        }
    }

    public override Task<Grpc.Testing.Empty> UnimplementedCall(Grpc.Testing.Empty request, ServerCallContext context) =>
        throw new RpcException(new Grpc.Core.Status(StatusCode.Unimplemented, "UnimplementedCall is not implemented, on purpose."));

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static void ThrowIfAsked(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            var rich = new Google.Rpc.Status { Code = status.Code, Message = status.Message };
            rich.Details.Add(Any.Pack(new ErrorInfo { Reason = "ASKED_FOR", Domain = "interop.test" }));
            throw rich.ToRpcException();
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue(EchoInitial) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { EchoInitial, initial } });
        }
        if (context.RequestHeaders.GetValueBytes(EchoTrailing) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailing, trailing);
        }
    }
}
