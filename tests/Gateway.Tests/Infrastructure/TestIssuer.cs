using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A small authorization server for edge tests: an OIDC discovery document and a JWK Set on a real
/// Kestrel port, and RFC 9068 access tokens signed with its RSA key (shaped like the identity
/// service's: typ at+jwt, RS256, kid, aud review-mechanism, sub, client_id, scope, role).
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string Issuer = "https://gateway.mechanism.test/";
    public const string Audience = "review-mechanism";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private TestIssuer(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The internal URL the gateway fetches discovery from (Identity:Authority).</summary>
    public Uri Address { get; }

    public static async Task<TestIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/.well-known/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } },
        }));
        await app.StartAsync();
        return new TestIssuer(app, key);
    }

    /// <summary>A valid access token unless the arguments say otherwise; <paramref name="extraClaims"/> adds claims (e.g. <c>party</c>).</summary>
    public string Token(
        string sub = "partner-ministry",
        string? clientId = null,
        string scope = "reviews nominations documents engagement reporting",
        string[]? roles = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        string type = "at+jwt",
        SecurityKey? signingKey = null,
        DateTime? issuedAt = null,
        string? jti = null,
        IReadOnlyDictionary<string, object>? extraClaims = null,
        string[]? parties = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = sub,
            ["client_id"] = clientId ?? sub,
            ["scope"] = scope,
            ["jti"] = jti ?? Guid.NewGuid().ToString("N"),
        };
        if (roles is not null)
        {
            claims["role"] = roles;
        }
        if (parties is not null)
        {
            claims["party"] = parties;
        }
        foreach (var (claimType, claimValue) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[claimType] = claimValue;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (expires ?? now.AddMinutes(10)) < now ? expires!.Value.AddMinutes(-10) : now,
            NotBefore = (expires ?? now.AddMinutes(10)) < now ? expires!.Value.AddMinutes(-10) : now,
            Expires = expires ?? now.AddMinutes(10),
            TokenType = type,
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with valid-looking claims.</summary>
    public static string UnsignedToken(string sub = "partner-ministry")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        var payload = Base64UrlEncoder.Encode($$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","sub":"{{sub}}","client_id":"{{sub}}","scope":"reviews","iat":{{now}},"exp":{{now + 600}}}""");
        return $"{header}.{payload}.";
    }

    public static SecurityKey OtherKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
