namespace Identity.Api.Domain.Accounts;

/// <summary>A nomination (from the Nominations service) that gives a person a role for a party.</summary>
public class UserNomination
{
    /// <summary>The nomination id from the PersonNominated event; makes its processing idempotent.</summary>
    public string NominationId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Party { get; set; } = "";
    public string Role { get; set; } = "";
    public string ScopeKind { get; set; } = "";
    public string? CountryReviewId { get; set; }
    public DateTimeOffset? EffectiveFrom { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}
