using Identity.Api.OpenIdConnect.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.OpenIdConnect.Tokens;

/// <summary>Validates access tokens this server issued (userinfo, revocation), with its own keys and clock.</summary>
public sealed class AccessTokenValidator(SigningKeyRing keys, IOptions<OidcServerOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Returns the token's claims, or null if it is not a valid access token from this server.</summary>
    public async Task<JsonWebToken?> ValidateAsync(string token, bool checkLifetime, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = o.Issuer,
            ValidAudience = o.Audience,
            ValidTypes = [OidcClaims.AccessTokenType],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = await keys.GetPublishedKeysAsync(ct),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = checkLifetime,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp.ToUniversalTime() > now - ClockSkew
                && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + ClockSkew),
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }
}
