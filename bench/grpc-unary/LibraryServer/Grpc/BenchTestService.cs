using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Grpc;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>UnaryCall as every benchmarked server answers it: a payload of response_size zero bytes.</summary>
[AllowAnonymous]
public sealed class BenchTestService : TestService.TestServiceBase
{
    public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        BenchHosting.CountCall();
        var body = request.ResponseSize == 0 ? ByteString.Empty : UnsafeByteOperations.UnsafeWrap(new byte[request.ResponseSize]);
        return Task.FromResult(new SimpleResponse { Payload = new Payload { Body = body } });
    }

    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => throw NotBenchmarked();

    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context) => throw NotBenchmarked();

    public override Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context) => throw NotBenchmarked();

    public override Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context) => throw NotBenchmarked();

    public override Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context) => throw NotBenchmarked();

    public override Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context) => throw NotBenchmarked();

    public override Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) => throw NotBenchmarked();

    private static RpcException NotBenchmarked() => new(new Status(StatusCode.Unimplemented, "Only UnaryCall is served by the benchmark."));
}
