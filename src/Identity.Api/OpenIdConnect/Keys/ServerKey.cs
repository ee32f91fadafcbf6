namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>
/// A key of the authorization server, generated at run time and kept in the database with its secret part
/// protected by ASP.NET Core Data Protection (nothing comes from the repository). Signing keys (RSA, RS256) sign
/// access and identity tokens and are published in the JWKS; encryption keys (AES-256) encrypt the authorization
/// codes and refresh tokens OpenIddict issues, and are never published.
/// </summary>
public class ServerKey
{
    public string KeyId { get; set; } = "";

    /// <summary><see cref="ServerKeyUses.Signing"/> or <see cref="ServerKeyUses.Encryption"/>.</summary>
    public string Use { get; set; } = ServerKeyUses.Signing;

    /// <summary>Data Protection payload of the PKCS#8 private key (signing) or of the raw key bytes (encryption).</summary>
    public string ProtectedKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the key starts signing (or encrypting). A scheduled signing key is published before that.</summary>
    public DateTimeOffset ActivatesAt { get; set; }

    /// <summary>When a newer key took over; the key still verifies (or decrypts) until <see cref="RemoveAfter"/>.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public DateTimeOffset? RemoveAfter { get; set; }

    public bool IsKeptAt(DateTimeOffset now) => RemoveAfter is null || now < RemoveAfter;
}

public static class ServerKeyUses
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
}
