using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Grpc;

namespace ReviewMechanism.Grpc.Tests.Services;

/// <summary>One RPC per kind of authorization declaration; each answers with the caller's name.</summary>
public sealed class GuardedServiceImpl : GuardedService.GuardedServiceBase
{
    public const string SamePartyPolicy = "SameParty";

    [AllowAnonymous]
    public override Task<EchoReply> Open(EchoRequest request, ServerCallContext context) => Reply(context);

    [Authorize(Roles = "Secretariat")]
    public override Task<EchoReply> ForSecretariat(EchoRequest request, ServerCallContext context) => Reply(context);

    [Authorize(Policy = SamePartyPolicy)]
    public override Task<EchoReply> ForSameParty(EchoRequest request, ServerCallContext context) => Reply(context);

    [Authorize]
    public override Task<EchoReply> ForAnyUser(EchoRequest request, ServerCallContext context) => Reply(context);

    // Deliberately without a declaration: it must be denied.
    public override Task<EchoReply> Undeclared(EchoRequest request, ServerCallContext context) => Reply(context);

    private static Task<EchoReply> Reply(ServerCallContext context) =>
        Task.FromResult(new EchoReply { User = context.User.Identity?.Name ?? "" });
}
