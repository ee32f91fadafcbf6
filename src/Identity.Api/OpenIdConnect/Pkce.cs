using System.Security.Cryptography;
using System.Text;

namespace Identity.Api.OpenIdConnect;

/// <summary>RFC 7636 with the S256 method only.</summary>
public static class Pkce
{
    public static bool IsValidS256Challenge(string challenge) =>
        challenge.Length == 43 && challenge.All(IsBase64UrlChar);

    /// <summary>code_verifier = 43..128 unreserved characters; BASE64URL(SHA256(ASCII(verifier))) must equal the challenge.</summary>
    public static bool Verify(string? verifier, string challenge)
    {
        if (verifier is null || verifier.Length is < 43 or > 128 || !verifier.All(IsUnreserved)) return false;
        var computed = Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
