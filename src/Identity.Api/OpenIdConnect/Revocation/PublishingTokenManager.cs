using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.OpenIdConnect.Revocation;

/// <summary>
/// OpenIddict's token manager, which also announces the access tokens it revokes (<see cref="IRevocationPublisher"/>):
/// one token at the revocation endpoint, or every token of an authorization (a refresh token family) when a
/// redeemed refresh token or authorization code is presented again, or a refresh token is revoked. It learns each
/// access token's <c>jti</c> from the property <see cref="RecordAccessTokenId"/> stores.
/// </summary>
public sealed class PublishingTokenManager(
    IOpenIddictTokenCache<OpenIddictEntityFrameworkCoreToken> cache,
    ILogger<OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictTokenStore<OpenIddictEntityFrameworkCoreToken> store,
    IRevocationPublisher publisher,
    TimeProvider clock)
    : OpenIddictTokenManager<OpenIddictEntityFrameworkCoreToken>(cache, logger, options, store)
{
    /// <summary>The token entry property holding an access token's <c>jti</c>.</summary>
    public const string TokenIdProperty = "mechanism_jti";

    public override async ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var live = new List<RevokedAccessToken>();
        await foreach (var token in FindByAuthorizationIdAsync(identifier, cancellationToken))
        {
            if (await LiveAccessTokenAsync(token, cancellationToken) is { } revoked) live.Add(revoked);
        }
        var count = await base.RevokeByAuthorizationIdAsync(identifier, cancellationToken);
        await publisher.RevokeAccessTokensAsync(live, cancellationToken);
        return count;
    }

    public override async ValueTask<bool> TryRevokeAsync(OpenIddictEntityFrameworkCoreToken token, CancellationToken cancellationToken = default)
    {
        var live = await LiveAccessTokenAsync(token, cancellationToken);
        if (!await base.TryRevokeAsync(token, cancellationToken)) return false;
        if (live is not null) await publisher.RevokeAccessTokensAsync([live], cancellationToken);
        return true;
    }

    /// <summary>An access token still valid and unexpired, with the <c>jti</c> it was issued with.</summary>
    private async ValueTask<RevokedAccessToken?> LiveAccessTokenAsync(OpenIddictEntityFrameworkCoreToken token, CancellationToken ct)
    {
        if (!await HasTypeAsync(token, TokenTypeIdentifiers.AccessToken, ct) || !await HasStatusAsync(token, Statuses.Valid, ct)) return null;
        if (await GetExpirationDateAsync(token, ct) is not { } expires || expires <= clock.GetUtcNow()) return null;
        var properties = await GetPropertiesAsync(token, ct);
        return properties.TryGetValue(TokenIdProperty, out var jti) && jti.ValueKind == JsonValueKind.String
            ? new RevokedAccessToken(jti.GetString()!, expires)
            : null;
    }
}
