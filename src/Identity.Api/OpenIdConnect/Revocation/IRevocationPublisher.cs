namespace Identity.Api.OpenIdConnect.Revocation;

/// <summary>
/// Tells the gateway which access tokens no longer count before they expire (CONTRACTS.md, "Revocation within
/// 5 s"): revoked token ids (<c>jti</c>) and subjects whose earlier tokens are all void (a disabled account).
/// </summary>
public interface IRevocationPublisher
{
    /// <summary>Access tokens revoked one by one or with their refresh token family.</summary>
    Task RevokeAccessTokensAsync(IReadOnlyCollection<RevokedAccessToken> tokens, CancellationToken ct);

    /// <summary>Every access token of <paramref name="subject"/> issued until now (an account disabled).</summary>
    Task RevokeSubjectAsync(string subject, CancellationToken ct);
}

/// <param name="TokenId">The token's <c>jti</c>.</param>
/// <param name="ExpiresAt">The token's <c>exp</c>: the key is kept until then.</param>
public sealed record RevokedAccessToken(string TokenId, DateTimeOffset ExpiresAt);
