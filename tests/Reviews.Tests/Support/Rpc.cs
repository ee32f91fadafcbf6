using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace Reviews.Tests.Support;

public static class Rpc
{
    /// <summary>
    /// Awaits a call expected to fail, through the services' shared error interceptor (as the server runs it),
    /// and returns the status the client would get after checking its code.
    /// </summary>
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var interceptor = new ErrorInterceptor(NullLogger<ErrorInterceptor>.Instance);
        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<object, object>(
            new object(), TestCallContext.Anonymous(), async (_, _) =>
            {
                await call();
                return new object();
            }));
        Assert.True(code == error.StatusCode, $"expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        return error;
    }

    public static PreconditionFailure.Types.Violation Precondition(this RpcException error) =>
        Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);

    public static BadRequest BadRequest(this RpcException error) => error.GetRpcStatus()!.GetDetail<BadRequest>()!;
}
