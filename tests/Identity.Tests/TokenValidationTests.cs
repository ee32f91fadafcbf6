using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Identity.Tests;

/// <summary>
/// Tokens a resource server validating as the services do (ServiceDefaults' JwtBearer through discovery) must
/// refuse; each test first shows the genuine token passes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TokenValidationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        // The service's clock starts two hours back (it only moves forward): the first token has 10 minutes of life, long gone.
        await using var app = await IdentityApp.StartAsync(postgres, clockStart: DateTimeOffset.UtcNow - TimeSpan.FromHours(2));
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        using var http = app.Http();

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

        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(Sign(app, IdentityApp.Issuer, "review-mechanism"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync(Sign(app, IdentityApp.Issuer, "some-other-api"))).StatusCode);
    }

    [Fact]
    public async Task TokenFromAnotherIssuerIsRefusedEvenWhenSignedWithTheRealKey()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);

        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(Sign(app, IdentityApp.Issuer, "review-mechanism"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync(Sign(app, "https://evil.test/", "review-mechanism"))).StatusCode);

        // Without an explicit ValidIssuer the handler takes the issuer from discovery: still refused.
        await using var discoveryOnly = await ValidatingApp.StartAsync(app.Address);
        Assert.Equal(HttpStatusCode.OK, (await discoveryOnly.CallAsync(Sign(app, IdentityApp.Issuer, "review-mechanism"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await discoveryOnly.CallAsync(Sign(app, "https://evil.test/", "review-mechanism"))).StatusCode);
    }

    [Fact]
    public async Task IdentityTokenIsNotAcceptedAsAnAccessToken()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        var token = Sign(app, IdentityApp.Issuer, "review-mechanism", type: "JWT");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CallAsync(token)).StatusCode);
    }

    [Fact]
    public async Task FocalPointOfOnePartyIsRefusedByAServiceWhenActingForAnother()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("fp.austria@example.org", Password, party: "AUT");
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);
        var token = (await OidcClient.GetUserTokensAsync(app, "fp.austria@example.org", Password)).GetProperty("access_token").GetString()!;

        var own = await api.CallAsync(token, "/parties/AUT/nominations", HttpMethod.Post);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var other = await api.CallAsync(token, "/parties/DEU/nominations", HttpMethod.Post);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CallAsync(token, "/secretariat-only")).StatusCode);
    }

    private const string Password = "correct horse battery staple";

    /// <summary>A token signed with the server's real current key (as OpenIddict holds it), with chosen issuer, audience and type.</summary>
    private static string Sign(IdentityApp app, string issuer, string audience, string type = "at+jwt")
    {
        var credentials = app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials.First();
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
