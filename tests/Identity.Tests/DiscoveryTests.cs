using System.Net;
using System.Text.Json;
using Identity.Tests.Infrastructure;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DiscoveryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task DiscoveryNamesTheConfiguredIssuerAndTheEndpointsAtTheAddressTheCallerUsed()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();

        var direct = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(IdentityApp.Issuer, direct.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(app.Address, "/connect/token").ToString(), direct.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(app.Address, "/.well-known/jwks").ToString(), direct.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], direct.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("RS256", direct.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));

        using var viaGateway = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        viaGateway.Headers.Add("X-Forwarded-Proto", "https");
        viaGateway.Headers.Add("X-Forwarded-Host", "review.unodc.test");
        var forwarded = JsonDocument.Parse(await (await http.SendAsync(viaGateway)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(IdentityApp.Issuer, forwarded.GetProperty("issuer").GetString());
        Assert.Equal("https://review.unodc.test/connect/authorize", forwarded.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("https://review.unodc.test/connect/revocation", forwarded.GetProperty("revocation_endpoint").GetString());
    }

    [Fact]
    public async Task JwksPublishesOnlyThePublicPartOfTheSigningKey()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var http = app.Http();

        var response = await http.GetAsync("/.well-known/jwks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("keys").EnumerateArray().ToList();
        var key = Assert.Single(keys);
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        foreach (var privatePart in new[] { "d", "p", "q", "dp", "dq", "qi" })
            Assert.False(key.TryGetProperty(privatePart, out _), $"JWKS leaks the private parameter {privatePart}");
    }
}
