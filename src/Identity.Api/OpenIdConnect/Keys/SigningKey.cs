namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>
/// A token signing key, generated at run time and kept in the database (private part encrypted with
/// ASP.NET Core Data Protection). A retired key no longer signs but stays in the JWKS until
/// <see cref="RemoveAfter"/>, when every token it signed has expired.
/// </summary>
public class SigningKey
{
    public string KeyId { get; set; } = "";
    public string Algorithm { get; set; } = "RS256";
    public string ProtectedPrivateKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the key starts signing. A scheduled key is published in the JWKS before that, so validators know it in time.</summary>
    public DateTimeOffset ActivatesAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public DateTimeOffset? RemoveAfter { get; set; }

    public bool IsPublishedAt(DateTimeOffset now) => RemoveAfter is null || now < RemoveAfter;
}
