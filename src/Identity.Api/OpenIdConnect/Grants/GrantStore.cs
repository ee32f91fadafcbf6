using Identity.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Api.OpenIdConnect;

/// <summary>
/// Authorization codes, refresh token families and issued access tokens. Codes and refresh tokens
/// are consumed with a conditional UPDATE, so two concurrent redemptions cannot both succeed.
/// </summary>
public sealed class GrantStore(IServiceScopeFactory scopes, IOptions<OidcServerOptions> options, TimeProvider clock, ILogger<GrantStore> logger)
{
    public async Task<string> CreateAuthorizationCodeAsync(Grants.AuthorizationCode code, CancellationToken ct)
    {
        var value = OpaqueTokens.Create();
        var now = clock.GetUtcNow();
        code.Id = Guid.NewGuid();
        code.CodeHash = OpaqueTokens.Hash(value);
        code.CreatedAt = now;
        code.ExpiresAt = now + options.Value.AuthorizationCodeLifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        db.AuthorizationCodes.Add(code);
        await db.SaveChangesAsync(ct);
        return value;
    }

    /// <summary>Consumes a code. A code presented twice is a replay: the grant it produced is revoked.</summary>
    public async Task<Redemption<Grants.AuthorizationCode>> RedeemAuthorizationCodeAsync(string value, string clientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = OpaqueTokens.Hash(value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var code = await db.AuthorizationCodes.AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hash, ct);
        if (code is null || code.ClientId != clientId) return Redemption<Grants.AuthorizationCode>.Refused("The authorization code is invalid.");
        var consumed = await db.AuthorizationCodes
            .Where(c => c.Id == code.Id && c.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), ct);
        if (consumed == 0)
        {
            if (code.GrantId is { } grant) await RevokeGrantAsync(grant, ct);
            logger.LogWarning("Authorization code replayed by client {ClientId}; its grant was revoked", clientId);
            return Redemption<Grants.AuthorizationCode>.Refused("The authorization code was already used.");
        }
        if (now >= code.ExpiresAt) return Redemption<Grants.AuthorizationCode>.Refused("The authorization code has expired.");
        return Redemption<Grants.AuthorizationCode>.Accepted(code);
    }

    public async Task AttachGrantToCodeAsync(Guid codeId, Guid grantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        await db.AuthorizationCodes.Where(c => c.Id == codeId).ExecuteUpdateAsync(s => s.SetProperty(c => c.GrantId, grantId), ct);
    }

    /// <summary>Creates a refresh token in the grant (family) <paramref name="template"/> names.</summary>
    public async Task<string> CreateRefreshTokenAsync(Grants.RefreshToken template, CancellationToken ct)
    {
        var value = OpaqueTokens.Create();
        var now = clock.GetUtcNow();
        template.Id = Guid.NewGuid();
        template.TokenHash = OpaqueTokens.Hash(value);
        template.CreatedAt = now;
        var sliding = now + options.Value.RefreshTokenLifetime;
        template.ExpiresAt = sliding < template.GrantExpiresAt ? sliding : template.GrantExpiresAt;
        template.ConsumedAt = null;
        template.RevokedAt = null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        db.RefreshTokens.Add(template);
        await db.SaveChangesAsync(ct);
        return value;
    }

    /// <summary>Consumes a refresh token (rotation). Presenting a consumed one again revokes its whole family.</summary>
    public async Task<Redemption<Grants.RefreshToken>> RedeemRefreshTokenAsync(string value, string clientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = OpaqueTokens.Hash(value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null || token.ClientId != clientId) return Redemption<Grants.RefreshToken>.Refused("The refresh token is invalid.");
        if (token.RevokedAt is not null) return Redemption<Grants.RefreshToken>.Refused("The refresh token was revoked.");
        if (token.ConsumedAt is not null)
        {
            await RevokeGrantAsync(token.GrantId, ct);
            logger.LogWarning("Refresh token reuse detected for client {ClientId}, user {UserId}: grant {GrantId} revoked", clientId, token.UserId, token.GrantId);
            return Redemption<Grants.RefreshToken>.Refused("The refresh token was already used; every token of this sign-in has been revoked.");
        }
        if (now >= token.ExpiresAt) return Redemption<Grants.RefreshToken>.Refused("The refresh token has expired.");
        var consumed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.ConsumedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), ct);
        if (consumed == 0)
        {
            await RevokeGrantAsync(token.GrantId, ct);
            return Redemption<Grants.RefreshToken>.Refused("The refresh token was already used; every token of this sign-in has been revoked.");
        }
        return Redemption<Grants.RefreshToken>.Accepted(token);
    }

    public async Task RecordAccessTokenAsync(string tokenId, Guid? grantId, string clientId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        db.IssuedAccessTokens.Add(new Grants.IssuedAccessToken { TokenId = tokenId, GrantId = grantId, ClientId = clientId, ExpiresAt = expiresAt });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Revokes every refresh token of a grant and every access token issued through it.</summary>
    public async Task RevokeGrantAsync(Guid grantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        await db.RefreshTokens.Where(t => t.GrantId == grantId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        await db.IssuedAccessTokens.Where(t => t.GrantId == grantId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    public async Task<Grants.RefreshToken?> FindRefreshTokenAsync(string value, CancellationToken ct)
    {
        var hash = OpaqueTokens.Hash(value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
    }

    /// <summary>Marks one access token (by jti) revoked until it expires.</summary>
    public async Task RevokeAccessTokenAsync(string tokenId, string clientId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var record = await db.IssuedAccessTokens.SingleOrDefaultAsync(t => t.TokenId == tokenId, ct);
        if (record is null)
        {
            db.IssuedAccessTokens.Add(new Grants.IssuedAccessToken { TokenId = tokenId, ClientId = clientId, ExpiresAt = expiresAt, RevokedAt = now });
        }
        else
        {
            record.RevokedAt ??= now;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> IsAccessTokenRevokedAsync(string tokenId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return await db.IssuedAccessTokens.AnyAsync(t => t.TokenId == tokenId && t.RevokedAt != null, ct);
    }

    /// <summary>Deletes codes, refresh tokens and access token records that can no longer be used.</summary>
    public async Task RemoveExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now - options.Value.AuthorizationCodeLifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        // Consumed codes are kept while they could be replayed within their lifetime (replay revokes the grant).
        await db.AuthorizationCodes.Where(c => c.ExpiresAt < horizon).ExecuteDeleteAsync(ct);
        await db.RefreshTokens.Where(t => t.GrantExpiresAt < now).ExecuteDeleteAsync(ct);
        await db.IssuedAccessTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }
}

public sealed record Redemption<T>(T? Value, string? Error) where T : class
{
    public static Redemption<T> Accepted(T value) => new(value, null);
    public static Redemption<T> Refused(string error) => new(null, error);
}
