using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.Bench;

/// <summary>
/// Stands in for the identity service during a run: serves the discovery document and the signing key that the
/// gateway's and the service's JwtBearer handlers read, and writes access tokens shaped like identity's (RS256,
/// typ at+jwt, aud review-mechanism) for a partner system and for the secretariat. The key exists only in memory.
/// </summary>
internal static class TokenIssuer
{
    public static async Task<int> RunAsync(string issuer, string folder)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "engagement-bench" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"http://{http.Request.Host}/.well-known/jwks",
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } }));
        await app.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, "partner.token"), Mint(key, issuer, "bench-partner", "Partner"));
        await File.WriteAllTextAsync(Path.Combine(folder, "secretariat.token"), Mint(key, issuer, "bench-secretariat", "Secretariat"));
        Console.WriteLine($"LISTENING {new Uri(app.Urls.First()).Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static string Mint(SecurityKey key, string issuer, string client, string role)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "review-mechanism",
            Claims = new Dictionary<string, object> { ["sub"] = client, ["client_id"] = client, ["scope"] = "engagement", ["role"] = new[] { role } },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(4),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
