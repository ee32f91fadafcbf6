using ReviewMechanism.Events.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Identity.Api.IntegrationEvents;

/// <summary>Maps the role of a nomination (integration event) to the role of the account.</summary>
public static class NominationRoles
{
    public static string? ToMechanismRole(NominationRole role) => role switch
    {
        NominationRole.FocalPoint => MechanismRoles.FocalPoint,
        NominationRole.GovernmentalExpert => MechanismRoles.GovernmentalExpert,
        NominationRole.Observer => MechanismRoles.Observer,
        _ => null,
    };
}
