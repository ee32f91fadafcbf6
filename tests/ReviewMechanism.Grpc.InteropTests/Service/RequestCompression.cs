using Grpc.Testing;

namespace ReviewMechanism.Grpc.InteropTests.Service;

/// <summary>
/// CompressedRequest: with <c>expect_compressed</c> true the request must have come compressed,
/// otherwise the call fails with INVALID_ARGUMENT (the clients' feature probe relies on it). The
/// check reads the call's <c>grpc-encoding</c>, which ServerCallContext.RequestHeaders leaves out
/// as a protocol header.
/// </summary>
public static class RequestCompression
{
    public static void EnsureAsExpected(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed?.Value != true)
        {
            return;
        }
        var encoding = context.GetHttpContext().Request.Headers["grpc-encoding"].ToString();
        if (encoding.Length == 0 || string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "expect_compressed is true but the request message was not compressed."));
        }
    }
}
