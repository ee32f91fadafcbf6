using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace Nominations.Tests.Support;

public static class Rpc
{
    /// <summary>Runs a call expected to fail through the services' shared error interceptor and returns the status a client gets.</summary>
    public static Task<RpcException> FailsAsync<T>(Func<Task<T>> call)
        where T : class =>
        Assert.ThrowsAsync<RpcException>(() => new ErrorInterceptor(NullLogger<ErrorInterceptor>.Instance)
            .UnaryServerHandler<object, T>(new object(), new TestServerCallContext(Users.Anonymous), (_, _) => call()));
}
