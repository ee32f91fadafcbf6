using Identity.Api.OpenIdConnect.Revocation;
using OpenIddict.Abstractions;

namespace Identity.Api.Application.Accounts;

/// <summary>
/// When an account may no longer use the mechanism (disabled by the Secretariat, or its last nomination
/// withdrawn): every sign-in and token of it is revoked in identitydb (no refresh, userinfo or introspection
/// accepts them) and the gateway is told to refuse its access tokens issued until now (<c>revoked:sub</c>).
/// </summary>
public sealed class AccountRevocation(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, IRevocationPublisher publisher, ILogger<AccountRevocation> logger)
{
    public async Task RevokeEverythingOfAsync(string subject, CancellationToken ct)
    {
        var revokedAuthorizations = await authorizations.RevokeBySubjectAsync(subject, ct);
        var revokedTokens = await tokens.RevokeBySubjectAsync(subject, ct);
        await publisher.RevokeSubjectAsync(subject, ct);
        logger.LogInformation("Account {Subject}: {Authorizations} sign-in(s) and {Tokens} token(s) revoked", subject, revokedAuthorizations, revokedTokens);
    }
}
