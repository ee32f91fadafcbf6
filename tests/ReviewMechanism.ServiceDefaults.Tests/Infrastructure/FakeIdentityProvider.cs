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

namespace ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A separate local Kestrel app publishing an OIDC discovery document (with the public issuer) and a
/// JWK set (RS256) generated for the test, and issuing access tokens signed with that key.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string PublicIssuer = "https://review.example/";
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private FakeIdentityProvider(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
        Authority = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The internal address services fetch the discovery document from.</summary>
    public Uri Authority { get; }

    public int DiscoveryRequests { get; private set; }

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };
        var parameters = key.Rsa.ExportParameters(false);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeIdentityProvider? provider = null;
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            provider!.DiscoveryRequests++;
            var self = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = PublicIssuer,
                ["jwks_uri"] = $"{self}/.well-known/jwks",
                ["token_endpoint"] = $"{self}/connect/token",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/.well-known/jwks", () => Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }));
        await app.StartAsync();
        provider = new FakeIdentityProvider(app, key);
        return provider;
    }

    /// <summary>An RFC 9068 access token as the identity service issues them.</summary>
    public string IssueAccessToken(
        string subject,
        string[] roles,
        string[] parties,
        string audience = "review-mechanism",
        string issuer = PublicIssuer,
        string tokenType = "at+jwt",
        SecurityKey? signingKey = null,
        DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            TokenType = tokenType,
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["role"] = roles,
                ["party"] = parties,
                ["client_id"] = "web",
                ["scope"] = "openid reviews",
            },
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
