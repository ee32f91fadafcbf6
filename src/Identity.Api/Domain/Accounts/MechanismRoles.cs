namespace Identity.Api.Domain.Accounts;

/// <summary>The roles of the review mechanism, as they appear in the <c>role</c> claim of tokens.</summary>
public static class MechanismRoles
{
    public const string Secretariat = "Secretariat";
    public const string FocalPoint = "FocalPoint";
    public const string GovernmentalExpert = "GovernmentalExpert";
    public const string Observer = "Observer";
    public const string NgoRepresentative = "NgoRepresentative";

    /// <summary>Partner systems (OAuth clients using client_credentials); never a person.</summary>
    public const string Partner = "Partner";

    public static readonly IReadOnlyList<string> All =
        [Secretariat, FocalPoint, GovernmentalExpert, Observer, NgoRepresentative, Partner];

    public static readonly IReadOnlyList<string> People =
        [Secretariat, FocalPoint, GovernmentalExpert, Observer, NgoRepresentative];

    /// <summary>Roles whose accounts must use a second factor (TOTP) to sign in.</summary>
    public static bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Contains(Secretariat);
}
