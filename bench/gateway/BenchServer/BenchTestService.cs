using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Authorization;
using Grpc.Core;

namespace BenchServer;

/// <summary>TestService with the one call the benchmark makes; the others answer UNIMPLEMENTED.</summary>
[AllowAnonymous]
public sealed class BenchTestService : TestService.TestServiceBase
{
    public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context) =>
        Task.FromResult(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[request.ResponseSize]) } });

    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override Task<SimpleResponse> CacheableUnaryCall(SimpleRequest request, ServerCallContext context) => UnaryCall(request, context);

    public override Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context) => Unimplemented();

    public override Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context) => Unimplemented<StreamingInputCallResponse>();

    public override Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context) => Unimplemented();

    public override Task HalfDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context) => Unimplemented();

    public override Task<Empty> UnimplementedCall(Empty request, ServerCallContext context) => Unimplemented<Empty>();

    private static Task Unimplemented() => throw new RpcException(new Status(StatusCode.Unimplemented, "Not part of the benchmark."));

    private static Task<T> Unimplemented<T>() => throw new RpcException(new Status(StatusCode.Unimplemented, "Not part of the benchmark."));
}
