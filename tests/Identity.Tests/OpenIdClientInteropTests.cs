using System.Net;
using System.Text.Json;
using Identity.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit.Abstractions;

namespace Identity.Tests;

/// <summary>
/// npm openid-client 6, a certified OpenID Connect relying party nobody here wrote, against the identity service
/// through the YARP gateway (the public URL is the gateway's: discovery, authorize, login pages, token endpoint
/// all pass through it). A service behind the gateway, validating as every service does, accepts its tokens over
/// HTTP/1.1 and gRPC.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenIdClientInteropTests(PostgresFixture postgres, RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private const string Password = "correct horse battery staple";
    private readonly OpenIdClientNode _node = new(output);

    private Task<GatewayStack> StartAsync() => GatewayStack.StartAsync(postgres, redis);

    [Fact]
    public async Task OpenIdClientGetsAClientCredentialsTokenThroughTheGatewayThatAServiceAccepts()
    {
        await using var stack = await StartAsync();

        var tokens = await _node.RunAsync("client-credentials", new
        {
            issuer = stack.Issuer, clientId = IdentityApp.PartnerClientId, clientSecret = IdentityApp.PartnerSecret, scope = "reviews",
        });
        Assert.Equal("bearer", tokens.GetProperty("token_type").GetString()!.ToLowerInvariant());
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal("at+jwt", new JsonWebToken(access).Typ);

        var me = await stack.WhoAmIAsync(access);
        Assert.Equal(IdentityApp.PartnerClientId, me.GetProperty("sub").GetString());
        Assert.Equal(IdentityApp.PartnerClientId, (await stack.EchoAsync(access)).User);
        Assert.Equal(["Partner"], me.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["AUT"], me.GetProperty("parties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("reviews", me.GetProperty("scope").GetString());

        var wrong = await _node.TryRunAsync("client-credentials", new
        {
            issuer = stack.Issuer, clientId = IdentityApp.PartnerClientId, clientSecret = IdentityApp.PartnerSecret + "x", scope = "reviews",
        });
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("invalid_client", wrong.Stderr);
    }

    [Fact]
    public async Task OpenIdClientSignsAPersonInWithPkceThroughTheGatewayAndItsRefreshTokenRotates()
    {
        await using var stack = await StartAsync();
        var userId = await stack.Identity.CreateApprovedPersonAsync("fp.austria@example.org", Password, party: "AUT");

        var request = await _node.RunAsync("authorize", new
        {
            issuer = stack.Issuer, clientId = IdentityApp.WebClientId, redirectUri = IdentityApp.WebRedirectUri,
            scope = "openid profile email offline_access reviews",
        });
        Assert.Equal(["S256"], request.GetProperty("server").GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var callbackUrl = await SignInInBrowserAsync(stack, request.GetProperty("url").GetString()!, "fp.austria@example.org");

        var first = await _node.RunAsync("redeem", new
        {
            issuer = stack.Issuer, clientId = IdentityApp.WebClientId, callbackUrl,
            verifier = request.GetProperty("verifier").GetString(), state = request.GetProperty("state").GetString(), nonce = request.GetProperty("nonce").GetString(),
        });
        var idToken = first.GetProperty("id_token_claims");
        Assert.Equal(userId, idToken.GetProperty("sub").GetString());
        Assert.Equal("Maria Example", idToken.GetProperty("name").GetString());
        var me = await stack.WhoAmIAsync(first.GetProperty("access_token").GetString()!);
        Assert.Equal(userId, (await stack.EchoAsync(first.GetProperty("access_token").GetString()!)).User);
        Assert.Equal(userId, me.GetProperty("sub").GetString());
        Assert.Equal(["AUT"], me.GetProperty("parties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(IdentityApp.WebClientId, me.GetProperty("client_id").GetString());

        var oldRefresh = first.GetProperty("refresh_token").GetString()!;
        var second = await _node.RunAsync("refresh", new { issuer = stack.Issuer, clientId = IdentityApp.WebClientId, refreshToken = oldRefresh });
        var newRefresh = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(oldRefresh, newRefresh);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        Assert.Equal(userId, (await stack.WhoAmIAsync(second.GetProperty("access_token").GetString()!)).GetProperty("sub").GetString());

        // The rotated-out refresh token is refused, and its reuse ends the sign-in.
        var reuse = await _node.TryRunAsync("refresh", new { issuer = stack.Issuer, clientId = IdentityApp.WebClientId, refreshToken = oldRefresh });
        Assert.NotEqual(0, reuse.ExitCode);
        Assert.Contains("invalid_grant", reuse.Stderr);
        var after = await _node.TryRunAsync("refresh", new { issuer = stack.Issuer, clientId = IdentityApp.WebClientId, refreshToken = newRefresh });
        Assert.Contains("invalid_grant", after.Stderr);
    }

    /// <summary>What the person's browser does: the authorization URL, the login form, back to authorize, then the redirect to the client.</summary>
    private static async Task<string> SignInInBrowserAsync(GatewayStack stack, string authorizationUrl, string email)
    {
        Assert.StartsWith(stack.Issuer + "/connect/authorize?", authorizationUrl);
        using var browser = stack.Browser();
        var first = await browser.GetAsync(authorizationUrl);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!.ToString();
        Assert.StartsWith("/Account/Login", login);
        var posted = await OidcClient.SubmitFormAsync(browser, login, new() { ["Email"] = email, ["Password"] = Password });
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var back = await browser.GetAsync(posted.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!.ToString();
        Assert.StartsWith(IdentityApp.WebRedirectUri + "?", callback);
        return callback;
    }
}
