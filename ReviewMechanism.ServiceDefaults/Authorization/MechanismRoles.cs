namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// The values of the access token's <c>role</c> claim, and the lists RPCs declare as their callers:
/// <c>[Authorize(Roles = MechanismRoles.RegisteredUsers)]</c>.
/// </summary>
public static class MechanismRoles
{
    public const string Secretariat = "Secretariat";
    public const string FocalPoint = "FocalPoint";
    public const string GovernmentalExpert = "GovernmentalExpert";
    public const string Observer = "Observer";
    public const string NgoRepresentative = "NgoRepresentative";

    /// <summary>Partner systems (OAuth clients using client_credentials); never a person.</summary>
    public const string Partner = "Partner";

    /// <summary>The Secretariat, or a focal point (for its own party: the handler checks which).</summary>
    public const string SecretariatOrFocalPoint = Secretariat + "," + FocalPoint;

    /// <summary>The Secretariat, a focal point or a governmental expert (for their own party).</summary>
    public const string SecretariatFocalPointOrExpert = Secretariat + "," + FocalPoint + "," + GovernmentalExpert;

    /// <summary>The users registered in the review module: the Secretariat and the parties' focal points, experts and observers.</summary>
    public const string RegisteredUsers = Secretariat + "," + FocalPoint + "," + GovernmentalExpert + "," + Observer;

    public static readonly IReadOnlyList<string> All = [Secretariat, FocalPoint, GovernmentalExpert, Observer, NgoRepresentative, Partner];

    /// <summary>Roles a person holds (every role but <see cref="Partner"/>).</summary>
    public static readonly IReadOnlyList<string> People = [Secretariat, FocalPoint, GovernmentalExpert, Observer, NgoRepresentative];

    /// <summary>The roles of <see cref="RegisteredUsers"/>.</summary>
    public static readonly IReadOnlySet<string> Registered = new HashSet<string>(StringComparer.Ordinal) { Secretariat, FocalPoint, GovernmentalExpert, Observer };

    /// <summary>Roles whose accounts must use a second factor (TOTP) to sign in.</summary>
    public static bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Contains(Secretariat, StringComparer.Ordinal);
}
