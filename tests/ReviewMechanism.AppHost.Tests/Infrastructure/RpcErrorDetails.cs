using Google.Rpc;
using Grpc.Core;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

public static class RpcErrorDetails
{
    /// <summary>The one google.rpc.PreconditionFailure violation in the error's grpc-status-details-bin.</summary>
    public static PreconditionFailure.Types.Violation Precondition(this RpcException error) =>
        Assert.Single((error.GetRpcStatus()?.GetDetail<PreconditionFailure>() ?? throw new Xunit.Sdk.XunitException($"no PreconditionFailure in {error.Status}")).Violations);
}
