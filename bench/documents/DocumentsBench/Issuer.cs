using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DocumentsBench;

/// <summary>
/// Discovery and JWKS for the JwtBearer handlers of the gateway and the Documents service, and one RS256 access
/// token shaped like the identity service's (at+jwt, aud review-mechanism, sub, role, party, scope documents)
/// written to a file. The key lives only in this process. Prints "LISTENING port".
/// </summary>
internal static class Issuer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var issuer = Arguments.Get(args, "--issuer");
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "documents-bench" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Arguments.Int(args, "--port", 0)}");
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"http://{context.Request.Host}/.well-known/jwks",
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } }));
        await app.StartAsync();
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "review-mechanism",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Arguments.Get(args, "--subject"),
                ["client_id"] = "documents-bench",
                ["scope"] = "documents",
                ["role"] = new[] { Arguments.Get(args, "--role") },
                ["party"] = new[] { Arguments.Get(args, "--party") },
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(2),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        await File.WriteAllTextAsync(Arguments.Get(args, "--token-file"), token);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine($"LISTENING {address.Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
