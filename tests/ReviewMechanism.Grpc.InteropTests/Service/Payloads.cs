using Google.Protobuf;
using Grpc.Testing;

namespace ReviewMechanism.Grpc.InteropTests.Service;

/// <summary>Response payloads: <c>size</c> zero bytes of type COMPRESSABLE (the only type the interop proto defines).</summary>
public static class Payloads
{
    public static Payload Zeros(int size)
    {
        if (size < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"A payload size cannot be negative (got {size})."));
        }
        return new Payload { Type = PayloadType.Compressable, Body = size == 0 ? ByteString.Empty : UnsafeByteOperations.UnsafeWrap(new byte[size]) };
    }

    public static void EnsureSupported(PayloadType type)
    {
        if (type != PayloadType.Compressable)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Payload type {type} is not supported; only COMPRESSABLE is."));
        }
    }
}
