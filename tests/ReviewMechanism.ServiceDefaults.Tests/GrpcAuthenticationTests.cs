using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.LocalServers;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Grpc;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>
/// How a service's RPCs refuse callers with the default token validation: a real Kestrel gRPC endpoint, tokens
/// checked against a discovery document served by another local app, or against an address nobody listens on.
/// </summary>
public sealed class GrpcAuthenticationTests : IAsyncLifetime
{
    private FakeIdentityProvider _identity = null!;

    public async Task InitializeAsync() => _identity = await FakeIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task RpcsAnswerUnavailableWhileTheIdentityServicesKeysCannotBeFetched()
    {
        await using var service = await StartAsync(ClosedAddress());
        var token = _identity.IssueAccessToken("fp-1", [MechanismRoles.FocalPoint], ["AUT"]);

        var withToken = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync(token));
        var withoutToken = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync(null));

        Assert.Equal(StatusCode.Unavailable, withToken.StatusCode);
        Assert.Contains("retry later", withToken.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, withoutToken.StatusCode);
        Assert.Equal("/reviewmechanism.testing.v1.GuardedService/ForAnyUser",
            RefusalDetails.AssertErrorInfo(withToken, RefusalReasons.TokenCheckUnavailable).Metadata["method"]);
        RefusalDetails.AssertErrorInfo(withoutToken, RefusalReasons.Unauthenticated);
    }

    [Fact]
    public async Task ATokenSignedByAKeyTheIdentityServiceDoesNotPublishStaysUnauthenticated()
    {
        await using var service = await StartAsync(_identity.Authority.ToString());
        using var otherKey = RSA.Create(2048);
        var forged = _identity.IssueAccessToken("fp-1", [MechanismRoles.FocalPoint], ["AUT"], signingKey: new RsaSecurityKey(otherKey) { KeyId = "other" });
        var genuine = _identity.IssueAccessToken("fp-1", [MechanismRoles.FocalPoint], ["AUT"]);

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.CallAsync(forged));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        RefusalDetails.AssertErrorInfo(refused, RefusalReasons.TokenRefused);
        Assert.Equal("fp-1", (await service.CallAsync(genuine)).Text);
    }

    private static async Task<RunningService> StartAsync(string authority) =>
        new(await GrpcTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Identity:Authority"] = authority,
                ["Identity:Issuer"] = FakeIdentityProvider.PublicIssuer,
            },
            b => b.AddDefaultAuthentication(),
            app => app.MapGrpcService<SignedInGuardedService>()));

    /// <summary>
    /// An address on this machine where nothing listens: a free port below the kernel's ephemeral range, which no
    /// outgoing connection can take meanwhile.
    /// </summary>
    private static string ClosedAddress() => $"http://127.0.0.1:{PortAllocator.GetFreePort()}";

    private sealed class RunningService(GrpcTestHost host) : IAsyncDisposable
    {
        private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.Address);

        public async Task<EchoReply> CallAsync(string? token)
        {
            var headers = new Metadata();
            if (token is not null)
            {
                headers.Add("authorization", $"Bearer {token}");
            }
            return await new GuardedService.GuardedServiceClient(_channel).ForAnyUserAsync(new EchoRequest(), headers);
        }

        public async ValueTask DisposeAsync()
        {
            _channel.Dispose();
            await host.DisposeAsync();
        }
    }
}

/// <summary>Every RPC needs a signed-in caller; ForAnyUser answers with the caller's subject.</summary>
[Authorize]
public sealed class SignedInGuardedService : GuardedService.GuardedServiceBase
{
    public override Task<EchoReply> ForAnyUser(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Text = context.GetHttpContext().User.Identity?.Name ?? "" });

    public override Task<EchoReply> Open(EchoRequest request, ServerCallContext context) => ForAnyUser(request, context);

    public override Task<EchoReply> ForSecretariat(EchoRequest request, ServerCallContext context) => ForAnyUser(request, context);

    public override Task<EchoReply> ForSameParty(EchoRequest request, ServerCallContext context) => ForAnyUser(request, context);

    public override Task<EchoReply> Undeclared(EchoRequest request, ServerCallContext context) => ForAnyUser(request, context);
}
