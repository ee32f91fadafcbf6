using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reviews.Api.Grpc;

internal static class CallerSubject
{
    /// <summary>The caller's subject; UNAUTHENTICATED when the token names no user (a machine token).</summary>
    public static string RequireSubject(this Caller caller) => caller.Subject.Length > 0
        ? caller.Subject
        : throw new RpcException(new Status(StatusCode.Unauthenticated, "The access token names no user (sub claim)."));
}
