using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Api.OpenIdConnect.Keys;
using Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Tests;

/// <summary>Tokens a resource server (JwtBearer through discovery) must refuse; each test first shows the genuine token passes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TokenValidationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        using var http = app.Http();

        app.Clock.Advance(TimeSpan.FromHours(-2)); // issued two hours ago: 10 minutes of life, long gone
        var (_, old) = await OidcClient.ClientCredentialsAsync(http);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var (_, fresh) = await OidcClient.ClientCredentialsAsync(http);

        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(fresh.GetProperty("access_token").GetString()!)).StatusCode);
        var refused = await api.CallAsync(old.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("expired", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TamperedTokenIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        using var http = app.Http();
        var token = (await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(token)).StatusCode);

        var parts = token.Split('.');
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        payload["party"] = new JsonArray("AUT", "DEU", "FRA"); // claim more parties than granted
        var tampered = $"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task UnsignedAlgNoneTokenIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        using var http = app.Http();
        var token = (await OidcClient.ClientCredentialsAsync(http)).Body.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(token)).StatusCode);

        var payload = token.Split('.')[1];
        var header = Encode("""{"alg":"none","typ":"at+jwt"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync($"{header}.{payload}.")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync($"{header}.{payload}.{token.Split('.')[2]}")).StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudienceIsRefusedEvenWhenSignedWithTheRealKey()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);

        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(await SignAsync(app, IdentityApp.Issuer, "review-mechanism"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync(await SignAsync(app, IdentityApp.Issuer, "some-other-api"))).StatusCode);
    }

    [Fact]
    public async Task TokenFromAnotherIssuerIsRefusedEvenWhenSignedWithTheRealKey()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);

        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(await SignAsync(app, IdentityApp.Issuer, "review-mechanism"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync(await SignAsync(app, "https://evil.test/", "review-mechanism"))).StatusCode);

        // Without an explicit ValidIssuer the handler takes the issuer from discovery: still refused.
        await using var discoveryOnly = await ValidatingApp.StartAsync(app.Address);
        Assert.Equal(HttpStatusCode.OK, (await discoveryOnly.CallAsync(await SignAsync(app, IdentityApp.Issuer, "review-mechanism"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await discoveryOnly.CallAsync(await SignAsync(app, "https://evil.test/", "review-mechanism"))).StatusCode);
    }

    [Fact]
    public async Task IdentityTokenIsNotAcceptedAsAnAccessToken()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        var token = await SignAsync(app, IdentityApp.Issuer, "review-mechanism", type: "JWT");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync(token)).StatusCode);
    }

    /// <summary>A token signed with the service's real current key, with chosen issuer and audience.</summary>
    private static async Task<string> SignAsync(IdentityApp app, string issuer, string audience, string type = "at+jwt")
    {
        var credentials = await app.Services.GetRequiredService<SigningKeyRing>().GetSigningCredentialsAsync();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = type, Issuer = issuer, Audience = audience, IssuedAt = now, Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "someone", ["client_id"] = "web", ["jti"] = Guid.NewGuid().ToString("N"), ["scope"] = "reviews" },
            SigningCredentials = credentials,
        });
    }

    private static string Decode(string segment) => Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(segment));
    private static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
