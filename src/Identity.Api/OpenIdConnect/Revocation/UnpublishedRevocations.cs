namespace Identity.Api.OpenIdConnect.Revocation;

/// <summary>
/// Without <c>ConnectionStrings:redis</c> (a test of the server alone) revocations are kept in identitydb only:
/// refresh, userinfo and introspection refuse revoked tokens, but the gateway learns nothing. Logged each time.
/// </summary>
public sealed class UnpublishedRevocations(ILogger<UnpublishedRevocations> logger) : IRevocationPublisher
{
    public Task RevokeAccessTokensAsync(IReadOnlyCollection<RevokedAccessToken> tokens, CancellationToken ct)
    {
        if (tokens.Count > 0)
            logger.LogWarning("{Count} revoked access token(s) not published: no Redis connection string 'redis' is configured", tokens.Count);
        return Task.CompletedTask;
    }

    public Task RevokeSubjectAsync(string subject, CancellationToken ct)
    {
        logger.LogWarning("Revocation of every token of {Subject} not published: no Redis connection string 'redis' is configured", subject);
        return Task.CompletedTask;
    }
}
