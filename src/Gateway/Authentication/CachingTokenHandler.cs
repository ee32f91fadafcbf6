using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Authentication;

/// <summary>
/// Remembers access tokens that validated, for at most <c>Gateway:TokenCache:MaxAge</c> (default 60 s) and
/// never past their <c>exp</c>, so a client's repeated calls cost one RS256 verification per minute rather
/// than one per call (Envoy's jwt_authn keeps such a cache too). Refused tokens are never remembered.
/// What this changes: a signing key withdrawn from the JWKS keeps validating its cached tokens for up to
/// MaxAge. Revocation is unchanged (the gateway validates locally: a revoked token lives until exp anyway).
/// Each hit gets its own copy of the claims identity.
/// </summary>
public sealed class CachingTokenHandler(TokenHandler inner, IMemoryCache cache, TimeProvider time, TimeSpan maxAge) : TokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = new CacheKey(token);
        if (cache.TryGetValue(key, out TokenValidationResult? cached) && cached is not null)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = cached.SecurityToken,
                ClaimsIdentity = cached.ClaimsIdentity.Clone(),
                Issuer = cached.Issuer,
                TokenType = cached.TokenType,
            };
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is { ValidTo: var validTo } && validTo > DateTime.MinValue)
        {
            var now = time.GetUtcNow();
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
            var until = expires < now + maxAge ? expires : now + maxAge;
            if (until > now)
            {
                // Materialize the identity once, before the result is shared.
                _ = result.ClaimsIdentity;
                cache.Set(key, result, new MemoryCacheEntryOptions { AbsoluteExpiration = until, Size = 1 });
            }
        }
        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    /// <summary>Its own type, so these entries never collide with anything else in a shared cache.</summary>
    private readonly record struct CacheKey(string Token);
}
