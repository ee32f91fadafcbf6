using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

/// <summary>What the probe services do, set by a test (registered as a singleton).</summary>
public sealed class ProbeBehaviour
{
    private int _pingCalls;
    private int _echoCalls;

    /// <summary>The exception Echo (and the second service's Open) throws for a request; null to answer.</summary>
    public Func<EchoRequest, Exception?> Failure { get; set; } = _ => null;

    /// <summary>How many Ping calls answer UNAVAILABLE before one succeeds.</summary>
    public int UnavailablePings { get; set; }

    public int PingCalls => _pingCalls;

    public int EchoCalls => _echoCalls;

    internal int CountPing() => Interlocked.Increment(ref _pingCalls);

    internal int CountEcho() => Interlocked.Increment(ref _echoCalls);
}

/// <summary>reviewmechanism.testing.v1.ProbeService, open to anyone, behaving as <see cref="ProbeBehaviour"/> says.</summary>
[AllowAnonymous]
public sealed class ProbeServiceImpl(ProbeBehaviour behaviour) : ProbeService.ProbeServiceBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        behaviour.CountEcho();
        if (behaviour.Failure(request) is { } failure)
        {
            throw failure;
        }
        switch (request.Outcome)
        {
            case Outcome.RpcException:
                throw new RpcException(new Status((StatusCode)request.StatusCode, request.StatusMessage));
            case Outcome.UnhandledException:
                throw new InvalidOperationException(request.StatusMessage);
            case Outcome.RichError:
                throw DomainException.Invalid("text", request.StatusMessage);
            case Outcome.ContextStatus:
                context.Status = new Status((StatusCode)request.StatusCode, request.StatusMessage);
                return Task.FromResult(new EchoReply());
        }
        return Task.FromResult(Reply(request, context));
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(Reply(request, context));
        }
    }

    public override Task<Google.Protobuf.WellKnownTypes.Empty> Ping(Google.Protobuf.WellKnownTypes.Empty request, ServerCallContext context) =>
        behaviour.CountPing() <= behaviour.UnavailablePings
            ? throw new RpcException(new Status(StatusCode.Unavailable, "not yet"))
            : Task.FromResult(new Google.Protobuf.WellKnownTypes.Empty());

    internal static EchoReply Reply(EchoRequest request, ServerCallContext context) => new()
    {
        Text = request.Text,
        HasDeadline = context.Deadline != DateTime.MaxValue,
        User = context.GetHttpContext().User.Identity?.Name ?? "",
    };
}

/// <summary>
/// reviewmechanism.testing.v1.GuardedService with one kind of declaration per RPC, and <c>Undeclared</c> without
/// any. Open throws what <see cref="ProbeBehaviour.Failure"/> says (a second service for the same error).
/// </summary>
public class GuardedServiceImpl(ProbeBehaviour behaviour) : GuardedService.GuardedServiceBase
{
    public const string SamePartyPolicy = "SameParty";

    [AllowAnonymous]
    public override Task<EchoReply> Open(EchoRequest request, ServerCallContext context) =>
        behaviour.Failure(request) is { } failure ? throw failure : Task.FromResult(ProbeServiceImpl.Reply(request, context));

    [Authorize(Roles = "Secretariat")]
    public override Task<EchoReply> ForSecretariat(EchoRequest request, ServerCallContext context) => Task.FromResult(ProbeServiceImpl.Reply(request, context));

    [Authorize(Policy = SamePartyPolicy)]
    public override Task<EchoReply> ForSameParty(EchoRequest request, ServerCallContext context) => Task.FromResult(ProbeServiceImpl.Reply(request, context));

    [Authorize]
    public override Task<EchoReply> ForAnyUser(EchoRequest request, ServerCallContext context) => Task.FromResult(ProbeServiceImpl.Reply(request, context));

    public override Task<EchoReply> Undeclared(EchoRequest request, ServerCallContext context) => Task.FromResult(ProbeServiceImpl.Reply(request, context));
}

/// <summary>The same service with <c>Undeclared</c> declared too, so it can be mapped.</summary>
public sealed class DeclaredGuardedService(ProbeBehaviour behaviour) : GuardedServiceImpl(behaviour)
{
    [Authorize]
    public override Task<EchoReply> Undeclared(EchoRequest request, ServerCallContext context) => base.Undeclared(request, context);
}
