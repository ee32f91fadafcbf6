using ReviewMechanism.ServiceDefaults.Authorization;

namespace Identity.Api.OpenIdConnect;

/// <summary>
/// The seam between the protocol endpoints and the accounts: the OAuth/OIDC code asks this for the
/// person behind a subject and whether they may receive tokens. An OpenIddict-based server would
/// call the same interface from its handlers.
/// </summary>
public interface IResourceOwnerStore
{
    Task<ResourceOwner?> FindAsync(string subject, CancellationToken ct);
}

/// <summary>What tokens and userinfo say about a person.</summary>
public sealed record ResourceOwner(
    string Subject,
    bool MayReceiveTokens,
    string? RefusalReason,
    string Name,
    string? Email,
    bool EmailVerified,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Parties)
{
    public bool RequiresTwoFactor => Roles.Contains(MechanismRoles.Secretariat);
}
