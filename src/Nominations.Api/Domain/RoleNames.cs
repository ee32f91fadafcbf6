namespace Nominations.Api.Domain;

/// <summary>The values of the access token's <c>role</c> claim, and the sets the API grants.</summary>
public static class RoleNames
{
    public const string Secretariat = "Secretariat";
    public const string FocalPoint = "FocalPoint";
    public const string GovernmentalExpert = "GovernmentalExpert";
    public const string Observer = "Observer";
    public const string NgoRepresentative = "NgoRepresentative";
    public const string Partner = "Partner";

    /// <summary>Those who manage a party's nominations (a focal point only for its own party).</summary>
    public const string Managers = Secretariat + "," + FocalPoint;

    /// <summary>Those who complete tasks (focal points and experts only for their own party).</summary>
    public const string TaskWorkers = Secretariat + "," + FocalPoint + "," + GovernmentalExpert;

    /// <summary>The users registered in the review module: they see contact details.</summary>
    public const string RegisteredUsers = Secretariat + "," + FocalPoint + "," + GovernmentalExpert + "," + Observer;

    public static IReadOnlySet<string> Registered { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Secretariat, FocalPoint, GovernmentalExpert, Observer };
}
