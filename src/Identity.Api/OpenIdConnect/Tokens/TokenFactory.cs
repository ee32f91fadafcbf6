using System.Security.Cryptography;
using System.Text;
using Identity.Api.OpenIdConnect.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.OpenIdConnect.Tokens;

/// <summary>Creates access tokens (RFC 9068 JWT, typ at+jwt) and identity tokens (OIDC Core), signed with the current key.</summary>
public sealed class TokenFactory(SigningKeyRing keys, IOptions<OidcServerOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IssuedToken> CreateAccessTokenAsync(AccessTokenRequest request, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var expires = now + o.AccessTokenLifetime;
        var jti = Base64Url.Encode(RandomNumberGenerator.GetBytes(16));
        var claims = new Dictionary<string, object>
        {
            [OidcClaims.Subject] = request.Subject,
            [OidcClaims.ClientId] = request.ClientId,
            [OidcClaims.TokenId] = jti,
            [OidcClaims.Scope] = string.Join(' ', request.Scopes),
        };
        if (request.Roles.Count > 0) claims[OidcClaims.Role] = request.Roles.ToArray();
        if (request.Parties.Count > 0) claims[OidcClaims.Party] = request.Parties.ToArray();
        if (request.AuthTime is { } authTime) claims[OidcClaims.AuthTime] = authTime.ToUnixTimeSeconds();
        if (request.AuthenticationMethods.Count > 0) claims[OidcClaims.AuthenticationMethods] = request.AuthenticationMethods.ToArray();

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = OidcClaims.AccessTokenType,
            Issuer = o.Issuer,
            Audience = o.Audience,
            IssuedAt = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = await keys.GetSigningCredentialsAsync(ct),
        });
        return new IssuedToken(token, jti, expires);
    }

    public async Task<string> CreateIdentityTokenAsync(IdentityTokenRequest request, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var credentials = await keys.GetSigningCredentialsAsync(ct);
        var claims = new Dictionary<string, object>
        {
            [OidcClaims.Subject] = request.Owner.Subject,
            [OidcClaims.AuthTime] = request.AuthTime.ToUnixTimeSeconds(),
            [OidcClaims.AccessTokenHash] = AccessTokenHash(request.AccessToken),
        };
        if (request.Nonce is not null) claims[OidcClaims.Nonce] = request.Nonce;
        if (request.AuthenticationMethods.Count > 0) claims[OidcClaims.AuthenticationMethods] = request.AuthenticationMethods.ToArray();
        if (request.Scopes.Contains(StandardScopes.Profile))
        {
            claims[OidcClaims.Name] = request.Owner.Name;
            if (request.Owner.Roles.Count > 0) claims[OidcClaims.Role] = request.Owner.Roles.ToArray();
            if (request.Owner.Parties.Count > 0) claims[OidcClaims.Party] = request.Owner.Parties.ToArray();
        }
        if (request.Scopes.Contains(StandardScopes.Email) && request.Owner.Email is not null)
        {
            claims[OidcClaims.Email] = request.Owner.Email;
            claims[OidcClaims.EmailVerified] = request.Owner.EmailVerified;
        }
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "JWT",
            Issuer = o.Issuer,
            Audience = request.ClientId,
            IssuedAt = now.UtcDateTime,
            Expires = (now + o.IdentityTokenLifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    /// <summary>OIDC Core 3.3.2.11: left half of SHA-256 of the access token, base64url.</summary>
    private static string AccessTokenHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64Url.Encode(hash[..(hash.Length / 2)]);
    }
}

public sealed record AccessTokenRequest(
    string Subject,
    string ClientId,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Parties,
    DateTimeOffset? AuthTime,
    IReadOnlyList<string> AuthenticationMethods);

public sealed record IdentityTokenRequest(
    ResourceOwner Owner,
    string ClientId,
    IReadOnlyList<string> Scopes,
    string? Nonce,
    DateTimeOffset AuthTime,
    IReadOnlyList<string> AuthenticationMethods,
    string AccessToken);

public sealed record IssuedToken(string Value, string TokenId, DateTimeOffset ExpiresAt);
