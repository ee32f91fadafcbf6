namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>The values of the access token's <c>role</c> claim.</summary>
public static class MechanismRoles
{
    public const string Secretariat = "Secretariat";
    public const string FocalPoint = "FocalPoint";
    public const string GovernmentalExpert = "GovernmentalExpert";
    public const string Observer = "Observer";
    public const string NgoRepresentative = "NgoRepresentative";
    public const string Partner = "Partner";
}
