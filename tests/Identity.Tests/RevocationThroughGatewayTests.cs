using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Identity.Tests.Infrastructure;
using ReviewMechanism.Identity.V1;
using Xunit.Abstractions;

namespace Identity.Tests;

/// <summary>
/// Revocation that takes effect at the edge, end to end: identity (OpenIddict) writes the revocation to a real
/// redis-server, the real gateway learns it and refuses the token (UNAUTHENTICATED "token revoked") within 5 s of
/// identity's answer to the revocation, while other tokens keep reaching the service behind it. The service itself checks signatures only, so every
/// refusal seen here is the gateway's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RevocationThroughGatewayTests(PostgresFixture postgres, RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);
    private readonly string _secretariatSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task AnAccessTokenRevokedAtTheRevocationEndpointIsRefusedByTheGatewayWithinFiveSeconds()
    {
        await using var stack = await GatewayStack.StartAsync(postgres, redis);
        using var http = stack.Http();
        var revoked = await PartnerTokenAsync(http);
        var kept = await PartnerTokenAsync(http);
        Assert.Equal(IdentityApp.PartnerClientId, (await stack.EchoAsync(revoked)).User);   // validated once: in the gateway's token cache
        Assert.Equal(IdentityApp.PartnerClientId, (await stack.EchoAsync(kept)).User);

        var request = Stopwatch.StartNew();
        var (status, _) = await OidcClient.PostFormAsync(http, "/connect/revocation", new() { ["token"] = revoked, ["token_type_hint"] = "access_token" },
            (IdentityApp.PartnerClientId, IdentityApp.PartnerSecret));
        Assert.Equal(HttpStatusCode.OK, status);
        var answered = request.Elapsed;
        var (refusal, at) = await stack.UntilRefusedAsync(revoked, Stopwatch.StartNew(), Promise + Promise);

        output.WriteLine($"revocation answered after {answered.TotalMilliseconds:0} ms; the gateway refused the token {at.TotalMilliseconds:0} ms after that answer");
        output.WriteLine($"claims of a partner's access token (bench/gateway/claims): {Payload(kept)}");
        AssertRefusedAsRevoked(refusal);
        Assert.True(at < Promise, $"refused only after {at}");
        Assert.Equal(IdentityApp.PartnerClientId, (await stack.EchoAsync(kept)).User);
        Assert.Equal(IdentityApp.PartnerClientId, (await stack.WhoAmIAsync(kept)).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task EveryTokenOfAnAccountTheSecretariatDisablesIsRefusedByTheGatewayWithinFiveSeconds()
    {
        await using var stack = await GatewayStack.StartAsync(postgres, redis, IdentityApp.WithSecretariatClient(_secretariatSecret));
        var userId = await stack.Identity.CreateApprovedPersonAsync("fp.austria@example.org", Password, party: "AUT");
        await stack.Identity.CreateApprovedPersonAsync("fp.france@example.org", Password, party: "FRA");
        // The person signed in twice (office and laptop), a colleague of another party once; all through the gateway.
        var office = await stack.SignInAsync("fp.austria@example.org", Password);
        var laptop = await stack.SignInAsync("fp.austria@example.org", Password);
        var colleague = (await stack.SignInAsync("fp.france@example.org", Password)).GetProperty("access_token").GetString()!;
        foreach (var token in new[] { office, laptop }.Select(t => t.GetProperty("access_token").GetString()!))
        {
            Assert.Equal(userId, (await stack.EchoAsync(token)).User);
        }
        Assert.NotEqual(userId, (await stack.EchoAsync(colleague)).User);
        using var http = stack.Http();
        var (_, secretariat) = await OidcClient.PostFormAsync(http, "/connect/token", new() { ["grant_type"] = "client_credentials", ["scope"] = "identity" },
            (IdentityApp.SecretariatClientId, _secretariatSecret));
        var accounts = new AccountsService.AccountsServiceClient(stack.Grpc);

        var call = Stopwatch.StartNew();
        var disabled = await accounts.DisableAccountAsync(new DisableAccountRequest { UserId = userId, Reason = "left the ministry" },
            GatewayStack.Bearer(secretariat.GetProperty("access_token").GetString()!));
        var answered = call.Elapsed;
        var (refusal, at) = await stack.UntilRefusedAsync(office.GetProperty("access_token").GetString()!, Stopwatch.StartNew(), Promise + Promise);

        output.WriteLine($"DisableAccount answered after {answered.TotalMilliseconds:0} ms; the gateway refused the account's token {at.TotalMilliseconds:0} ms after that answer");
        output.WriteLine($"claims of a person's access token (bench/gateway/claims): {Payload(colleague)}");
        Assert.Equal(AccountStatus.Disabled, disabled.Status);
        AssertRefusedAsRevoked(refusal);
        Assert.True(at < Promise, $"refused only after {at}");
        AssertRefusedAsRevoked(await Assert.ThrowsAsync<RpcException>(() => stack.EchoAsync(laptop.GetProperty("access_token").GetString()!)));
        Assert.NotEqual(userId, (await stack.EchoAsync(colleague)).User);
        // No new access token either: the sign-in's refresh token is dead.
        OidcClient.AssertError(await OidcClient.RefreshAsync(http, laptop.GetProperty("refresh_token").GetString()!), "invalid_grant");
    }

    /// <summary>The token's claims (its payload, without the signature).</summary>
    private static string Payload(string accessToken) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(accessToken.Split('.')[1]);

    private static void AssertRefusedAsRevoked(RpcException refusal)
    {
        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal("The access token was refused: token revoked.", refusal.Status.Detail);
    }

    private static async Task<string> PartnerTokenAsync(HttpClient http)
    {
        var (status, body) = await OidcClient.ClientCredentialsAsync(http);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }
}
