using System.Net;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.ServiceDefaults.Grpc;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;
using ReviewMechanism.Testing;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>Who may call an RPC, declared with ASP.NET Core's attributes and refused as gRPC statuses.</summary>
public sealed class GrpcAuthorizationTests : IAsyncLifetime
{
    private GrpcTestHost _host = null!;
    private GrpcChannel _channel = null!;
    private GuardedService.GuardedServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(a => a.MapGrpcService<DeclaredGuardedService>());
        _channel = GrpcChannel.ForAddress(_host.Address);
        _client = new GuardedService.GuardedServiceClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AnAnonymousMethodServesAnonymousCallers()
    {
        var reply = await _client.OpenAsync(new EchoRequest { Text = "hello" });

        Assert.Equal(("hello", ""), (reply.Text, reply.User));
    }

    [Fact]
    public async Task AnUnauthenticatedCallerOfAProtectedMethodIsUnauthenticatedInATrailersOnlyResponse()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync((c, h) => c.ForAnyUserAsync(new EchoRequest(), h), null));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("/reviewmechanism.testing.v1.GuardedService/ForAnyUser requires an authenticated caller", error.Status.Detail, StringComparison.Ordinal);

        using var raw = await PostRawAsync("ForAnyUser", Frame());
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("16", Assert.Single(raw.Headers.GetValues("grpc-status")));
        Assert.Empty(await raw.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnUnauthenticatedCallerReadsTheStatusWithAnErrorInfoNamingTheMethodInTheDetailsHeader()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync((c, h) => c.ForAnyUserAsync(new EchoRequest(), h), null));
        using var raw = await PostRawAsync("ForAnyUser", Frame());

        var info = RefusalDetails.AssertErrorInfo(error, RefusalReasons.Unauthenticated);
        Assert.Equal("/reviewmechanism.testing.v1.GuardedService/ForAnyUser", info.Metadata["method"]);
        Assert.False(info.Metadata.ContainsKey("requires"));
        var status = RefusalDetails.FromHeaders(raw.Headers);
        Assert.Equal((16, error.Status.Detail), (status.Code, status.Message));
        Assert.Equal(info, status.GetDetail<ErrorInfo>());
    }

    [Fact]
    public async Task AnyAuthenticatedCallerMayCallAPlainAuthorizeMethodAndIsSeenByTheHandler()
    {
        var reply = await CallAsync((c, h) => c.ForAnyUserAsync(new EchoRequest(), h), new TestUser("bob"));

        Assert.Equal("bob", reply.User);
    }

    [Fact]
    public async Task ARoleRequirementAdmitsTheRoleAndDeniesOthersNamingTheRole()
    {
        var admitted = await CallAsync((c, h) => c.ForSecretariatAsync(new EchoRequest(), h), new TestUser("carol", Roles: "Secretariat"));
        var denied = await Assert.ThrowsAsync<RpcException>(() => CallAsync((c, h) => c.ForSecretariatAsync(new EchoRequest(), h), new TestUser("dave", Roles: "FocalPoint")));
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => CallAsync((c, h) => c.ForSecretariatAsync(new EchoRequest(), h), null));

        Assert.Equal("carol", admitted.User);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("one of the roles Secretariat", denied.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task ACallerWithoutTheRoleIsNotAllowedWithAnErrorInfoNamingTheMethodAndTheRole()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() => CallAsync((c, h) => c.ForSecretariatAsync(new EchoRequest(), h), new TestUser("dave", Roles: "FocalPoint")));

        Assert.Equal("The caller is not allowed to call /reviewmechanism.testing.v1.GuardedService/ForSecretariat (requires one of the roles Secretariat).", denied.Status.Detail);
        var info = RefusalDetails.AssertErrorInfo(denied, RefusalReasons.CallerNotAllowed);
        Assert.Equal(("/reviewmechanism.testing.v1.GuardedService/ForSecretariat", "one of the roles Secretariat"), (info.Metadata["method"], info.Metadata["requires"]));
        Assert.Equal(denied.Status.Detail, denied.GetRpcStatus()!.Message);
    }

    [Fact]
    public async Task APolicyRequirementIsEvaluatedWithTheAuthorizationService()
    {
        var admitted = await CallAsync((c, h) => c.ForSamePartyAsync(new EchoRequest(), h), new TestUser("erin", Parties: "AUT"));
        var denied = await Assert.ThrowsAsync<RpcException>(() => CallAsync((c, h) => c.ForSamePartyAsync(new EchoRequest(), h), new TestUser("frank", Parties: "FRA")));

        Assert.Equal("erin", admitted.User);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("policy 'SameParty'", denied.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("policy 'SameParty'", RefusalDetails.AssertErrorInfo(denied, RefusalReasons.CallerNotAllowed).Metadata["requires"]);
    }

    [Fact]
    public async Task AuthorizationIsDecidedBeforeTheRequestIsRead()
    {
        // No message at all would be INTERNAL for a unary call; the refusal comes first.
        using var response = await PostRawAsync("ForSecretariat", [], new TestUser("dave", Roles: "FocalPoint"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("7", Assert.Single(response.Headers.GetValues("grpc-status")));
        Assert.Equal(RefusalReasons.CallerNotAllowed, RefusalDetails.FromHeaders(response.Headers).GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task AMappedRpcWithoutADeclarationFailsStartUpNamingOnlyThatRpc()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(a => a.MapGrpcService<GuardedServiceImpl>()));

        Assert.Contains("/reviewmechanism.testing.v1.GuardedService/Undeclared", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ForAnyUser", error.Message, StringComparison.Ordinal);
    }

    internal static Task<GrpcTestHost> StartAsync(Action<WebApplication> map) => GrpcTestHost.StartAsync(
        configure: b =>
        {
            b.Services.AddSingleton<ProbeBehaviour>();
            b.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
            b.Services.AddAuthorizationBuilder().AddPolicy(GuardedServiceImpl.SamePartyPolicy, p => p.RequireClaim("party", "AUT"));
        },
        map: map);

    private async Task<EchoReply> CallAsync(Func<GuardedService.GuardedServiceClient, Metadata, AsyncUnaryCall<EchoReply>> call, TestUser? user)
    {
        var headers = new Metadata();
        foreach (var (name, value) in user?.Headers() ?? [])
        {
            headers.Add(name, value);
        }
        return await call(_client, headers);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string method, byte[] body, TestUser? user = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Address, $"/reviewmechanism.testing.v1.GuardedService/{method}"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in user?.Headers() ?? [])
        {
            request.Headers.Add(name, value);
        }
        return await http.SendAsync(request);
    }

    /// <summary>A caller as <see cref="HeaderAuthenticationHandler"/> reads it from the request headers.</summary>
    private sealed record TestUser(string Subject, string Roles = "", string Parties = "")
    {
        public IEnumerable<(string Name, string Value)> Headers() =>
            new[] { ("x-test-sub", Subject), ("x-test-roles", Roles), ("x-test-parties", Parties) }.Where(h => h.Item2.Length > 0);
    }

    /// <summary>An empty message in gRPC's length-prefixed framing.</summary>
    private static byte[] Frame() => [0, 0, 0, 0, 0];
}
