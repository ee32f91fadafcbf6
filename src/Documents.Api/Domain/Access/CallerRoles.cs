using Documents.Api.Domain.Reviews;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Documents.Api.Domain.Access;

public static class CallerRoles
{
    /// <summary>A person signed in (a subject in the token).</summary>
    public static bool IsSignedIn(this Caller caller) => caller.Subject.Length > 0;

    /// <summary>The token names the role too (a nomination alone is not enough; nor a role without a nomination).</summary>
    public static bool Holds(this Caller caller, PersonRole role) => caller.IsInRole(role switch
    {
        PersonRole.FocalPoint => MechanismRoles.FocalPoint,
        PersonRole.GovernmentalExpert => MechanismRoles.GovernmentalExpert,
        _ => MechanismRoles.Observer,
    });
}
