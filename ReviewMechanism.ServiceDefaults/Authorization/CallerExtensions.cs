using Grpc.Core;

namespace ReviewMechanism.ServiceDefaults.Authorization;

public static class CallerExtensions
{
    /// <summary>The caller of this RPC, from the request's validated access token.</summary>
    public static Caller GetCaller(this ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
