using Google.Rpc;
using ReviewMechanism.Grpc;

namespace Reviews.Tests.Support;

public static class Rpc
{
    /// <summary>Awaits a call expected to fail and returns its exception after checking the status code.</summary>
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        return error;
    }

    public static PreconditionFailure.Types.Violation Precondition(this RpcException error) =>
        Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);

    public static BadRequest BadRequest(this RpcException error) => error.GetRpcStatus()!.GetDetail<BadRequest>()!;
}
