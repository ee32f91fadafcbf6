using Documents.Api.Domain.Reviews;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Documents.Api.Domain.Access;

/// <summary>Who calls, as the access token says: subject, roles and the parties acted for (empty for the public).</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Roles, IReadOnlySet<string> Parties)
{
    public static readonly Caller Anonymous = new("", new HashSet<string>(), new HashSet<string>());

    public bool IsAuthenticated => Subject.Length > 0;

    public bool IsSecretariat => Roles.Contains(MechanismRoles.Secretariat);

    /// <summary>The token names the role too (a nomination alone is not enough; nor a role without a nomination).</summary>
    public bool Holds(PersonRole role) => Roles.Contains(role switch
    {
        PersonRole.FocalPoint => MechanismRoles.FocalPoint,
        PersonRole.GovernmentalExpert => MechanismRoles.GovernmentalExpert,
        _ => MechanismRoles.Observer,
    });
}
