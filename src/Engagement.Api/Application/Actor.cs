namespace Engagement.Api.Application;

public enum ActorKind
{
    /// <summary>An applicant on the web pages: anonymous, proves who they are with the reference and the verified address.</summary>
    Applicant,

    /// <summary>A partner system (client credentials, role Partner).</summary>
    Partner,

    /// <summary>A member or system of the UNODC secretariat.</summary>
    Secretariat,
}

/// <summary>Who calls a use case: the pages and the gRPC layer build one from the request.</summary>
public sealed record Actor(ActorKind Kind, string Subject)
{
    public static readonly Actor Applicant = new(ActorKind.Applicant, "web");

    public bool IsSecretariat => Kind == ActorKind.Secretariat;

    public static Actor Secretariat(string subject) => new(ActorKind.Secretariat, subject);

    public static Actor Partner(string clientId) => new(ActorKind.Partner, clientId);

    /// <summary>What is stored as the submitter: <c>web</c>, <c>partner:ID</c> or <c>secretariat:SUB</c>.</summary>
    public string SubmitterName => Kind switch
    {
        ActorKind.Applicant => "web",
        ActorKind.Partner => $"partner:{Subject}",
        _ => $"secretariat:{Subject}",
    };
}
