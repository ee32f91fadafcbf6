using Google.Protobuf;
using Grpc.Core;
using Grpc.Testing;
using Microsoft.AspNetCore.Authorization;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>
/// UnaryCall as every benchmarked server answers it: a payload of response_size zero bytes. The other RPCs are not
/// overridden, so Grpc.AspNetCore answers them UNIMPLEMENTED.
/// </summary>
[AllowAnonymous]
public sealed class BenchTestService : TestService.TestServiceBase
{
    public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        BenchHosting.CountCall();
        var body = request.ResponseSize == 0 ? ByteString.Empty : UnsafeByteOperations.UnsafeWrap(new byte[request.ResponseSize]);
        return Task.FromResult(new SimpleResponse { Payload = new Payload { Body = body } });
    }
}
