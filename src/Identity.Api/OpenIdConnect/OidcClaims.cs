namespace Identity.Api.OpenIdConnect;

/// <summary>Claim names used in tokens (JWT registered claims, RFC 9068, OIDC Core).</summary>
public static class OidcClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Role = "role";
    public const string Party = "party";
    public const string TokenId = "jti";
    public const string AuthTime = "auth_time";
    public const string AuthenticationMethods = "amr";
    public const string Nonce = "nonce";
    public const string AccessTokenHash = "at_hash";
    public const string Name = "name";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";

    public const string AccessTokenType = "at+jwt";
}
