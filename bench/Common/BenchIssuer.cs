using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReviewMechanism.Bench;

/// <summary>
/// Stands in for the identity service during a benchmark run (shared by bench/documents, bench/engagement and
/// bench/gateway): serves the discovery document and the JWKS the gateway's and the services' JwtBearer handlers read,
/// and mints RS256 access tokens shaped like identity's (typ at+jwt, aud review-mechanism). The key exists only in this
/// process. <see cref="RunAsync"/> prints "LISTENING port" once the endpoints answer.
/// </summary>
public static class BenchIssuer
{
    /// <summary>Serves discovery and JWKS for <paramref name="issuer"/>, lets <paramref name="mint"/> write its tokens, then runs until stopped.</summary>
    public static async Task<int> RunAsync(string issuer, string keyId, int port, Func<Func<IDictionary<string, object>, TimeSpan, string>, Task> mint)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = keyId };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"http://{http.Request.Host}/.well-known/jwks",
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } }));
        await app.StartAsync();
        await mint((claims, lifetime) => Token(key, issuer, claims, lifetime));
        Console.WriteLine($"LISTENING {new Uri(app.Urls.First()).Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static string Token(SecurityKey key, string issuer, IDictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "review-mechanism",
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
