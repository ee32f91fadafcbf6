using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.Grpc.Tests;

public sealed class AuthorizationTests : IAsyncLifetime
{
    private const string Service = "/reviewmechanism.testing.v1.GuardedService/";
    private GrpcTestServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await StartAsync();
        _client = new RawGrpcClient(_server.Http2Address);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static Task<GrpcTestServer> StartAsync(Action<ReviewMechanism.Grpc.Server.GrpcServerOptions>? options = null) =>
        GrpcTestServer.StartAsync(
            services =>
            {
                services.AddGrpcServer(options);
                services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
                    .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
                services.AddAuthorization(o => o.AddPolicy(GuardedServiceImpl.SamePartyPolicy, p => p.RequireClaim("party", "AUT")));
            },
            app =>
            {
                app.UseAuthentication();
                app.MapGrpcService<GuardedServiceImpl>();
            });

    private Task<RawResponse> CallAsync(string method, string? user) =>
        _client.PostAsync(Service + method, Frames.Of(new EchoRequest()), r =>
        {
            if (user is not null)
            {
                r.Headers.Add("x-test-user", user);
            }
        });

    [Fact]
    public async Task AnAnonymousMethodServesAnonymousCallers()
    {
        var response = await CallAsync("Open", null);

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("", Assert.Single(response.Messages).Parse(EchoReply.Parser).User);
    }

    [Fact]
    public async Task AMethodWithoutADeclarationIsDeniedEvenToAnAuthenticatedCaller()
    {
        var response = await CallAsync("Undeclared", "alice; role=Secretariat; party=AUT");

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(7, response.GrpcStatus);
        Assert.Contains("declares no authorization", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task AnUnauthenticatedCallerOfAProtectedMethodIsUnauthenticated()
    {
        var response = await CallAsync("ForAnyUser", null);

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(16, response.GrpcStatus);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnyAuthenticatedCallerMayCallAPlainAuthorizeMethodAndIsSeenByTheHandler()
    {
        var response = await CallAsync("ForAnyUser", "bob");

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("bob", Assert.Single(response.Messages).Parse(EchoReply.Parser).User);
    }

    [Fact]
    public async Task ARoleRequirementAdmitsTheRoleAndDeniesOthers()
    {
        var admitted = await CallAsync("ForSecretariat", "carol; role=Secretariat");
        var denied = await CallAsync("ForSecretariat", "dave; role=FocalPoint");
        var anonymous = await CallAsync("ForSecretariat", null);

        Assert.Equal(0, admitted.GrpcStatus);
        Assert.Equal(7, denied.GrpcStatus);
        Assert.Contains("Secretariat", denied.GrpcMessageRaw);
        Assert.Equal(16, anonymous.GrpcStatus);
    }

    [Fact]
    public async Task APolicyRequirementIsEvaluatedWithTheAuthorizationService()
    {
        var admitted = await CallAsync("ForSameParty", "erin; party=AUT");
        var denied = await CallAsync("ForSameParty", "frank; party=FRA");

        Assert.Equal(0, admitted.GrpcStatus);
        Assert.Equal(7, denied.GrpcStatus);
        Assert.Contains("policy 'SameParty'", denied.GrpcMessageRaw);
    }

    [Fact]
    public async Task AuthorizationIsDecidedBeforeTheRequestIsRead()
    {
        // No message at all would be INTERNAL for a unary call; denial comes first.
        var response = await _client.PostAsync(Service + "Undeclared", []);

        Assert.Equal(7, response.GrpcStatus);
    }

    [Fact]
    public async Task DeclaringAuthorizeWithoutAuthorizationServicesIsAStartupError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GrpcTestServer.StartAsync(
            services => services.AddGrpcServer(),
            app => app.MapGrpcService<GuardedServiceImpl>()));

        Assert.Contains("services.AddAuthorization()", error.Message);
    }

    [Fact]
    public async Task AMissingDeclarationCanBeMadeAStartupError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(o => o.RequireAuthorizationDeclarations = true));

        Assert.Contains("Undeclared", error.Message);
        Assert.DoesNotContain("ForAnyUser", error.Message);
    }
}
