using System.Security.Cryptography;

namespace Identity.Api.OpenIdConnect.Clients;

/// <summary>
/// Client secrets: generated with 256 bits of entropy, stored as PBKDF2-SHA256 hashes
/// (<c>pbkdf2-sha256$iterations$salt$hash</c>), compared in constant time.
/// </summary>
public static class ClientSecretHasher
{
    private const int Iterations = 100_000;
    private const string Prefix = "pbkdf2-sha256";
    public const int MinimumSecretLength = 32;

    public static string GenerateSecret() => Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(secret, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Prefix}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string secret, string? stored)
    {
        if (stored is null) return false;
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Prefix || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
