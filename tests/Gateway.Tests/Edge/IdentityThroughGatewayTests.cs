using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gateway.Tests.Infrastructure;
using Grpc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.LocalServers;
using Xunit.Abstractions;

namespace Gateway.Tests.Edge;

/// <summary>
/// A partner system against the whole edge: the real identity service behind the gateway's
/// /connect and /.well-known routes issues a client_credentials token for the gateway's public URL,
/// and the gateway validates it (discovery from identity's internal URL) before forwarding a gRPC call.
/// </summary>
public sealed class IdentityThroughGatewayTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _resources = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _resources.Reverse();
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync();
        }
    }

    [Fact]
    public async Task PartnerGetsAClientCredentialsTokenThroughTheGatewayAndCallsAServiceWithIt()
    {
        var httpPort = PortAllocator.GetFreePort();
        var publicUrl = $"http://127.0.0.1:{httpPort}";
        var expectedIssuer = new Uri(publicUrl).AbsoluteUri; // OpenIddict writes the issuer as an absolute URI: with its trailing '/'
        var identity = Track(await IdentityService.StartAsync(publicUrl, output));
        var service = Track(await GrpcServiceBackend.StartAsync(output));
        var issuer = Track(await TestIssuer.StartAsync());
        var gateway = Track(GatewayHost.Start(issuer, new ProxySettings()
            .With("Identity:Authority", identity.Address.ToString())
            .With("Identity:Issuer", publicUrl)
            .With("services:identity:http:0", identity.Address.ToString())
            .With("Gateway:AuthorizationPolicies:partners:Roles:0", "Partner")
            .Route("interop", "/grpc.testing.TestService/{**rest}", "interop", authorizationPolicy: "partners")
            .GrpcCluster("interop", [service.Address.ToString()]), output, httpPort: httpPort));

        using var pages = gateway.Pages();
        var discovery = JsonDocument.Parse(await pages.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(expectedIssuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{publicUrl}/connect/token", discovery.GetProperty("token_endpoint").GetString());

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "reviews")]),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{IdentityService.PartnerClientId}:{IdentityService.PartnerSecret}")));
        using var tokenResponse = await pages.SendAsync(tokenRequest);
        var tokenBody = await tokenResponse.Content.ReadAsStringAsync();
        Assert.True(tokenResponse.IsSuccessStatusCode, tokenBody);
        var accessToken = JsonDocument.Parse(tokenBody).RootElement.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(accessToken);
        Assert.Equal(expectedIssuer, jwt.Issuer);
        Assert.Equal(IdentityService.PartnerClientId, jwt.Subject);

        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress, new GrpcChannelOptions());
        var client = new TestService.TestServiceClient(channel);
        var reply = await client.UnaryCallAsync(new SimpleRequest { ResponseSize = 10 },
            new CallOptions(new Metadata { { "authorization", $"Bearer {accessToken}" } })).ResponseAsync;
        Assert.Equal(10, reply.Payload.Body.Length);
        Assert.Equal("bearer:" + ("Bearer " + accessToken).Length, reply.Username);

        // A token from the other issuer is refused by the same gateway.
        var foreign = await Assert.ThrowsAsync<RpcException>(() => client.UnaryCallAsync(new SimpleRequest(),
            new CallOptions(new Metadata { { "authorization", $"Bearer {issuer.Token(roles: ["Partner"])}" } })).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, foreign.StatusCode);
    }

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }
}
