using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.Testing.V1;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// reviewmechanism.testing.v1.ProbeService as a service behind the gateway would guard it: any valid access token
/// may call; Echo answers with the text and, in <c>user</c>, the caller the service read from the token.
/// </summary>
[Authorize]
public sealed class SignedInProbeService : ProbeService.ProbeServiceBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Text = request.Text, User = context.GetCaller().Name });
}
