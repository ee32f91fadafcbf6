using System.Security.Cryptography;
using System.Text;

namespace Identity.Api.OpenIdConnect;

/// <summary>Opaque handles (authorization codes, refresh tokens, activation tokens): 256 random bits; stored as SHA-256.</summary>
public static class OpaqueTokens
{
    public static string Create() => Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
