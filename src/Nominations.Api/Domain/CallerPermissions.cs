using ReviewMechanism.ServiceDefaults.Authorization;

namespace Nominations.Api.Domain;

/// <summary>What a <see cref="Caller"/> may do with a party's nominations and tasks (the rules the RPC attributes cannot express).</summary>
public static class CallerPermissions
{
    /// <summary>Contact details (e-mail, phone) of focal points and experts are for registered users only.</summary>
    public static bool MaySeeContactDetails(this Caller caller) => caller.IsRegistered;

    /// <summary>Nominate, substitute, withdraw, assign tasks: the Secretariat for any party, a focal point for its own.</summary>
    public static bool MayManage(this Caller caller, string party) => caller.IsSecretariatOr(party, MechanismRoles.FocalPoint);

    public static bool MayCompleteTasksOf(this Caller caller, string party) =>
        caller.IsSecretariatOr(party, MechanismRoles.FocalPoint, MechanismRoles.GovernmentalExpert);

    public static bool MayReadTasksOf(this Caller caller, string party) => caller.IsSecretariat || (caller.IsRegistered && caller.ActsFor(party));
}
