using Grpc.Testing;

namespace ReviewMechanism.Grpc.InteropTests.Service;

/// <summary>Echo Status: a request carrying a non-OK <c>response_status</c> ends the call with it.</summary>
public static class EchoedStatus
{
    public static void ThrowIfRequested(EchoStatus? status)
    {
        if (status is null || status.Code == 0)
        {
            return;
        }
        if (status.Code is < 0 or > (int)StatusCode.Unauthenticated)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"response_status.code {status.Code} is not a gRPC status code (0 to 16)."));
        }
        throw new RpcException(new Status((StatusCode)status.Code, status.Message));
    }
}
