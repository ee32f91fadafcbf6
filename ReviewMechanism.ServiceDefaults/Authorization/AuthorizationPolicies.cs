namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// Named policies every service shares: <c>[Authorize(Policy = AuthorizationPolicies.PartyMember)]</c>.
/// Which party's data a member may read is checked by the handler against <see cref="ClaimsPrincipalExtensions.GetParties"/>.
/// </summary>
public static class AuthorizationPolicies
{
    /// <summary>Any validated access token.</summary>
    public const string Authenticated = "Authenticated";

    /// <summary>UNODC secretariat staff.</summary>
    public const string Secretariat = "Secretariat";

    /// <summary>A party's focal point.</summary>
    public const string FocalPoint = "FocalPoint";

    /// <summary>Acts for a party: focal point, governmental expert or observer (and holds a <c>party</c> claim).</summary>
    public const string PartyMember = "PartyMember";

    /// <summary>Secretariat or a party member.</summary>
    public const string SecretariatOrPartyMember = "SecretariatOrPartyMember";

    /// <summary>A partner organisation (machine client or person).</summary>
    public const string Partner = "Partner";

    /// <summary>An NGO representative (engagement with civil society).</summary>
    public const string NgoRepresentative = "NgoRepresentative";
}
