namespace Nominations.Api.Domain;

/// <summary>Who acts: the token's subject, roles and the parties (ISO3) the user acts for.</summary>
public sealed record Actor(string Subject, IReadOnlySet<string> Roles, IReadOnlySet<string> Parties)
{
    public static Actor Anonymous { get; } = new("", new HashSet<string>(), new HashSet<string>());

    public bool IsSecretariat => Roles.Contains(RoleNames.Secretariat);

    /// <summary>A user of the review module (Secretariat, focal point, expert, observer).</summary>
    public bool IsRegistered => Roles.Overlaps(RoleNames.Registered);

    /// <summary>Contact details (e-mail, phone) of focal points and experts are for registered users only.</summary>
    public bool MaySeeContactDetails => IsRegistered;

    public bool ActsFor(string party) => Parties.Contains(party);

    /// <summary>Nominate, substitute, withdraw, assign tasks: the Secretariat for any party, a focal point for its own.</summary>
    public bool MayManage(string party) => IsSecretariat || (Roles.Contains(RoleNames.FocalPoint) && ActsFor(party));

    public bool MayCompleteTasksOf(string party) =>
        IsSecretariat || ((Roles.Contains(RoleNames.FocalPoint) || Roles.Contains(RoleNames.GovernmentalExpert)) && ActsFor(party));

    public bool MayReadTasksOf(string party) => IsSecretariat || (IsRegistered && ActsFor(party));

    /// <summary>How the actor is named in records: the subject, or "anonymous".</summary>
    public string Name => Subject.Length == 0 ? "anonymous" : Subject;
}
