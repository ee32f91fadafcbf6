using Microsoft.AspNetCore.Identity;

namespace Identity.Api.Domain.Accounts;

/// <summary>A person with an account in the mechanism (focal point, expert, observer, NGO, Secretariat).</summary>
public class ApplicationUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public string? Title { get; set; }
    public string? Gender { get; set; }
    public string? Affiliation { get; set; }

    /// <summary>The person's identifier in the Nominations service, when the account came from a nomination.</summary>
    public string? PersonId { get; set; }

    public AccountStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProfileSubmittedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    public List<UserNomination> Nominations { get; set; } = [];

    /// <summary>Only approved, active accounts may sign in and receive tokens.</summary>
    public bool MayReceiveTokens => Status == AccountStatus.Active;

    /// <summary>The parties (ISO3) the person acts for: those of the nominations still in force.</summary>
    public IReadOnlyList<string> ActiveParties =>
        Nominations.Where(n => n.WithdrawnAt is null).Select(n => n.Party).Distinct().Order().ToList();
}
