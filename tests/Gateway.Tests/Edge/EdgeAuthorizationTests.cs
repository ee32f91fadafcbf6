using System.Net;
using Gateway.Tests.Forwarding;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.ProxyWire;

namespace Gateway.Tests.Edge;

/// <summary>Tokens are checked at the edge with the real routes (appsettings.json) and a discovery document served by a separate local app.</summary>
public sealed class EdgeAuthorizationTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    private const string ReviewsPath = "/reviewmechanism.reviews.v1.ReviewsService/GetCountryReview";

    private async Task<(RawBackend Backend, GatewayHost Gateway)> StartAsync(Action<ProxySettings>? configure = null)
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            SetStatusTrailers(context, 0);
        });
        var settings = new ProxySettings().With("services:reviews:grpc:0", backend.Address.ToString());
        configure?.Invoke(settings);
        return (backend, Gateway(settings));
    }

    private static async Task<HttpResponseMessage> CallAsync(GatewayHost gateway, string? token, string path = ReviewsPath)
    {
        using var client = gateway.Grpc();
        var response = await SendAsync(client, Call(path, [1], token));
        await response.Content.ReadAsByteArrayAsync();
        return response;
    }

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "expired", "expired" },
        { "wrong audience", "audience" },
        { "wrong issuer", "issuer" },
        { "signed by another key", "signature" },
        { "alg none", "" },
        { "an ID token (typ JWT)", "" },
        { "not a JWT at all", "" },
    };

    private string TokenFor(string kind) => kind switch
    {
        "expired" => Issuer.Token(expires: DateTime.UtcNow.AddMinutes(-10)),
        "wrong audience" => Issuer.Token(audience: "another-api"),
        "wrong issuer" => Issuer.Token(issuer: "https://elsewhere.example/"),
        "signed by another key" => Issuer.Token(signingKey: TestIssuer.OtherKey()),
        "alg none" => TestIssuer.UnsignedToken(),
        "an ID token (typ JWT)" => Issuer.Token(type: "JWT"),
        "not a JWT at all" => "opaque-token-value",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task TokenIsRefusedAtTheEdgeWithUnauthenticated(string kind, string reasonMentions)
    {
        var (backend, gateway) = await StartAsync();

        using var response = await CallAsync(gateway, TokenFor(kind));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("16", Value(response.Headers, "grpc-status"));
        var message = Uri.UnescapeDataString(Value(response.Headers, "grpc-message")!);
        Output.WriteLine($"{kind}: {message}");
        Assert.StartsWith("The access token was refused: ", message);
        Assert.Contains(reasonMentions, message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Bearer", Value(response.Headers, "WWW-Authenticate"));
        Assert.Equal(ReviewsPath, Refusal(response, "TOKEN_REFUSED").Info.Metadata["method"]);
        Assert.Equal(0, backend.RequestCount);
    }

    [Fact]
    public async Task UnreachableIdentityKeysGiveUnavailableNotUnauthenticated()
    {
        var (backend, gateway) = await StartAsync(s => s.With("Identity:Authority", FreePort.ClosedAddress()));

        using var response = await CallAsync(gateway, Issuer.Token());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("14", Value(response.Headers, "grpc-status"));
        Assert.StartsWith("Access tokens cannot be checked right now", Uri.UnescapeDataString(Value(response.Headers, "grpc-message")!));
        Refusal(response, "TOKEN_CHECK_UNAVAILABLE");
        Assert.Equal(0, backend.RequestCount);
    }

    [Fact]
    public async Task MissingTokenIsRefusedWithUnauthenticated()
    {
        var (backend, gateway) = await StartAsync();

        using var response = await CallAsync(gateway, token: null);

        Assert.Equal("16", Value(response.Headers, "grpc-status"));
        Assert.Equal("A valid access token is required (authorization: Bearer ...).", Uri.UnescapeDataString(Value(response.Headers, "grpc-message")!));
        var (status, info) = Refusal(response, "UNAUTHENTICATED");
        Assert.Equal((16, ReviewsPath), (status.Code, info.Metadata["method"]));
        Assert.Equal(0, backend.RequestCount);
    }

    [Fact]
    public async Task TokenWithoutTheServiceScopeIsRefusedWithPermissionDenied()
    {
        var (backend, gateway) = await StartAsync();

        using var response = await CallAsync(gateway, Issuer.Token(scope: "nominations documents"));

        Assert.Equal("7", Value(response.Headers, "grpc-status"));
        Assert.Equal("The caller is not allowed to call this service (needs scope reviews).", Uri.UnescapeDataString(Value(response.Headers, "grpc-message")!));
        var info = Refusal(response, "CALLER_NOT_ALLOWED").Info;
        Assert.Equal((ReviewsPath, "scope reviews"), (info.Metadata["method"], info.Metadata["requires"]));
        Assert.Equal(0, backend.RequestCount);
    }

    [Fact]
    public async Task ValidTokenIsForwardedWithItsAuthorizationHeaderForTheBackendToCheckAgain()
    {
        var (backend, gateway) = await StartAsync();
        var token = Issuer.Token(scope: "openid reviews", roles: ["FocalPoint"]);

        using var response = await CallAsync(gateway, token);

        Assert.Equal("0", GrpcStatus(response));
        Assert.Equal($"Bearer {token}", backend.LastRequest.Header("authorization"));
    }

    [Fact]
    public async Task NamedRolePolicyAdmitsOnlyThatRole()
    {
        var (backend, gateway) = await StartAsync(s => s
            .With("Gateway:AuthorizationPolicies:secretariat:Roles:0", "Secretariat")
            .Route("admin", "/test.v1.AdminService/{**rest}", "reviews", authorizationPolicy: "secretariat"));

        using var focalPoint = await CallAsync(gateway, Issuer.Token(roles: ["FocalPoint"]), "/test.v1.AdminService/Purge");
        using var secretariat = await CallAsync(gateway, Issuer.Token(roles: ["Secretariat"]), "/test.v1.AdminService/Purge");

        Assert.Equal("7", Value(focalPoint.Headers, "grpc-status"));
        Assert.Contains("Secretariat", Refusal(focalPoint, "CALLER_NOT_ALLOWED").Info.Metadata["requires"], StringComparison.Ordinal);
        Assert.Equal("0", GrpcStatus(secretariat));
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task PageRouteWithTheDefaultPolicyAnswers401WithABearerChallenge()
    {
        var pages = await BackendAsync(context => context.Response.WriteAsync("private page"), "pages", HttpProtocols.Http1);
        var (_, gateway) = await StartAsync(s => s
            .Route("private", "/private/{**rest}", "private", authorizationPolicy: "default")
            .Cluster("private", [pages.Address.ToString()]));
        using var client = gateway.Pages();

        using var anonymous = await client.GetAsync("/private/report");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private/report");
        request.Headers.Authorization = new("Bearer", Issuer.Token());
        using var signedIn = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("private page", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IdentityRoutesAreAnonymousEvenWithABadToken()
    {
        var identity = await BackendAsync(context => context.Response.WriteAsync($"identity {context.Request.Path}"), "identity", HttpProtocols.Http1);
        var (_, gateway) = await StartAsync(s => s.With("services:identity:http:0", identity.Address.ToString()));
        using var client = gateway.Pages();

        var discovery = await client.GetStringAsync("/.well-known/openid-configuration");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
        request.Headers.Authorization = new("Bearer", "expired-or-garbage");
        using var token = await client.SendAsync(request);
        var login = await client.GetStringAsync("/Account/Login");

        Assert.Equal("identity /.well-known/openid-configuration", discovery);
        Assert.Equal("identity /connect/token", await token.Content.ReadAsStringAsync());
        Assert.Equal("identity /Account/Login", login);
        Assert.Equal("application/x-www-form-urlencoded", identity.Requests.Single(r => r.Path == "/connect/token").Header("content-type"));
    }
}
