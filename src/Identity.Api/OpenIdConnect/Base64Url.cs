using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.OpenIdConnect;

/// <summary>base64url without padding (RFC 4648 section 5), as OAuth and JOSE use it.</summary>
public static class Base64Url
{
    public static string Encode(byte[] bytes) => Base64UrlEncoder.Encode(bytes);
}
